using Guichet.Application;
using Guichet.Data;
using Guichet.Server.Portal;
using Guichet.Server.Soap;

namespace Guichet.Server.Hosting;

public static class GuichetServerExtensions
{
    public static WebApplicationBuilder AddGuichetServer(this WebApplicationBuilder builder)
    {
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddPersistence(database);
        builder.Services.AddGuichetApplication();
        builder.AddGuichetKeyRing();
        builder.AddReverseProxy();
        builder.Services.AddRegisteringService();
        builder.Services.AddPortal(builder.Configuration.GetSection("Portal").Get<PortalWebOptions>() ?? new PortalWebOptions());
        return builder;
    }

    public static WebApplication UseGuichetServer(this WebApplication app)
    {
        app.UseReverseProxy();
        // A person never sees a stack trace: errors and empty error statuses show the French error page.
        app.UseExceptionHandler("/erreur");
        app.UseStatusCodePagesWithReExecute("/erreur", "?code={0}");
        app.UseRegisteringService();
        app.UsePortal();
        app.MapGet("/health", () => Results.Ok("ok"));
        return app;
    }
}
