using Guichet.Application.Accounts.Files;
using Guichet.Application.Companies;
using Guichet.Application.People;
using Guichet.Application.WhiteLabels;
using Guichet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Guichet.Server.Hosting;

/// <summary>
/// The store on the configured provider; on start, apply pending migrations (the store's, and the nonce file's on
/// SQLite) and index the files they left unindexed, and on an empty database create the demo white label and its
/// administrator.
/// </summary>
public static class DatabaseSetup
{
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddPersistence(builder.AddValidatedOptions<DatabaseOptions, DatabaseOptionsValidator>(DatabaseOptions.Section));
        return builder;
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<GuichetDbContext>();
        await store.Database.MigrateIfPendingAsync(cancellationToken);
        await NonceFileMigration.MigrateAsync(store, scope.ServiceProvider.GetRequiredService<INonceStore>(),
            scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken);

        // Search columns of files written before them (or before their rules changed): C#, not SQL, computes them.
        await scope.ServiceProvider.GetRequiredService<IndexRegistrationFiles>().HandleAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<IndexCompanies>().HandleAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<IndexPeople>().HandleAsync(cancellationToken);
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
            .HandleAsync(
                new NewWhiteLabel("demo",
                    new WhiteLabelSettings("Marque blanche de démonstration", "demo.guichet.local") { TestEnvironment = true }),
                "setup", null, cancellationToken);
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

public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    private static readonly string[] s_providers = ["Sqlite", "PostgreSql"];

    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        List<string> failures = [];
        if (!s_providers.Contains(options.Provider, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"Database:Provider: '{options.Provider}' is not known; use {string.Join(" or ", s_providers)}.");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("Database:ConnectionString is required (for PostgreSql: Host=…;Database=…;Username=…;Password=…).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
