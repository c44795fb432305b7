using Guichet.Application;
using Guichet.Data;
using Guichet.Server.Portal;
using Guichet.Server.Soap;
using Microsoft.AspNetCore.DataProtection;

namespace Guichet.Server.Hosting;

public static class GuichetServerExtensions
{
    public static WebApplicationBuilder AddGuichetServer(this WebApplicationBuilder builder)
    {
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddPersistence(database);
        builder.Services.AddGuichetApplication();
        // Keys that encrypt white-label secrets: kept outside the database; instances sharing a database share this folder.
        var keys = builder.Configuration["DataProtection:KeysFolder"] ?? Path.Combine("data", "keys");
        builder.Services.AddDataProtection().SetApplicationName("Guichet").PersistKeysToFileSystem(new DirectoryInfo(keys));
        builder.Services.AddRegisteringService();
        builder.Services.AddPortal(builder.Configuration.GetValue<bool>("Portal:SecureCookiesAlways"));
        return builder;
    }

    public static WebApplication UseGuichetServer(this WebApplication app)
    {
        // A person never sees a stack trace: errors and empty error statuses show the French error page.
        app.UseExceptionHandler("/erreur");
        app.UseStatusCodePagesWithReExecute("/erreur", "?code={0}");
        app.UseRegisteringService();
        app.UsePortal();
        app.MapGet("/health", () => Results.Ok("ok"));
        return app;
    }
}
