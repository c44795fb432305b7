using Guichet.Server.Soap.Contract;
using SoapCore;

namespace Guichet.Server.Soap;

public static class RegisteringServiceExtensions
{
    public const string Path = "/ws/registering";

    public static IServiceCollection AddRegisteringService(this IServiceCollection services)
    {
        services.AddSoapCore();
        services.AddScoped<SoapCall>();
        services.AddScoped<IRegisteringService, RegisteringService>();
        services.AddSingleton<RegisteringEndpoint>();
        return services;
    }

    /// <summary>
    /// The guard reads every request on the endpoint's path and answers the calls (<see cref="RegisteringEndpoint"/>);
    /// SoapCore, behind it, only generates the WSDL from the contract.
    /// </summary>
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
