using Guichet.Server.Soap.Contract;
using SoapCore;
using SoapCore.Extensibility;

namespace Guichet.Server.Soap;

public static class RegisteringServiceExtensions
{
    public const string Path = "/ws/registering";

    public static IServiceCollection AddRegisteringService(this IServiceCollection services)
    {
        services.AddSoapCore();
        services.AddHttpContextAccessor();
        services.AddScoped<IRegisteringService, RegisteringService>();
        services.AddSingleton<IFaultExceptionTransformer, RegisteringFaultTransformer>();
        return services;
    }

    /// <summary>The guard runs first on the endpoint's path, then SoapCore (which also serves the WSDL).</summary>
    public static IApplicationBuilder UseRegisteringService(this IApplicationBuilder app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path), branch => branch.UseMiddleware<SoapRequestGuard>());
        app.UseSoapEndpoint<IRegisteringService>(options =>
        {
            options.Path = Path;
            options.EncoderOptions = [new SoapEncoderOptions { MessageVersion = System.ServiceModel.Channels.MessageVersion.Soap11 }];
            options.SoapSerializer = SoapSerializer.XmlSerializer;
            options.IndentXml = false;
        });
        return app;
    }
}
