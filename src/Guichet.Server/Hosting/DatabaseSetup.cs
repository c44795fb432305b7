using Guichet.Application.Accounts.Files;
using Guichet.Application.WhiteLabels;
using Guichet.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Hosting;

/// <summary>
/// On start: apply pending migrations and index the files they left unindexed, and on an empty database create the demo
/// white label and its administrator.
/// </summary>
public static class DatabaseSetup
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<GuichetDbContext>().Database.MigrateAsync(cancellationToken);
        // Search columns of files written before them (or before their rules changed): C#, not SQL, computes them.
        await scope.ServiceProvider.GetRequiredService<IndexRegistrationFiles>().HandleAsync(cancellationToken);
    }

    /// <summary>Credentials are printed once, here, and never stored in clear.</summary>
    public static async Task SeedDemoAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDbContext>();
        if (await db.WhiteLabels.AnyAsync(cancellationToken))
        {
            return;
        }

        var created = await scope.ServiceProvider.GetRequiredService<CreateWhiteLabel>()
            .HandleAsync(new NewWhiteLabel("demo", "Marque blanche de démonstration", "demo.guichet.local") { TestEnvironment = true }, "setup", cancellationToken);
        var admin = await scope.ServiceProvider.GetRequiredService<CreateAdministrator>()
            .HandleAsync("demo", "demo-admin", null, "setup", cancellationToken);
        if (!created.Succeeded || !admin.Succeeded)
        {
            throw new InvalidOperationException("Could not create the demo white label.");
        }

        var credentials = created.Value;
        await output.WriteLineAsync($"""
            === Demo white label created (shown once, keep it) ===
              WSSE username : {credentials.WsseUsername}
              WSSE secret   : {credentials.WsseSecret}
              SSO key       : {credentials.SsoKey}
              Administrator : {admin.Value.Login} / {admin.Value.Password}
            =======================================================
            """);
    }
}
