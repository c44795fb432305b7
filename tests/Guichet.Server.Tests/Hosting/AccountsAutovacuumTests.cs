using Guichet.Data;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Guichet.Server.Tests.Hosting;

/// <summary>PostgreSQL vacuums the accounts table at a hundredth of dead rows (Migrations/PostgreSql, AccountsAutovacuum).</summary>
public sealed class AccountsAutovacuumTests
{
    [Fact]
    public async Task TheAccountsTable_IsVacuumedAtAHundredth_AndTheMigrationUndoesIt()
    {
        using var server = new GuichetServer(DatabaseProvider.PostgreSql);

        Assert.Equal("autovacuum_vacuum_scale_factor=0.01", await server.InDbAsync(OptionsOfAccountsAsync));

        var migrations = await server.InDbAsync(db => Task.FromResult(db.Database.GetMigrations().ToList()));
        var mine = migrations.FindIndex(m => m.EndsWith("_AccountsAutovacuum", StringComparison.Ordinal));
        Assert.True(mine > 0);
        await server.InDbAsync(async db =>
        {
            await db.GetService<IMigrator>().MigrateAsync(migrations[mine - 1]);
            return 0;
        });
        Assert.Equal("", await server.InDbAsync(OptionsOfAccountsAsync));
    }

    // pg_class.reloptions: the table's storage parameters, "name=value" each; null when none is set.
    private static Task<string> OptionsOfAccountsAsync(GuichetDbContext db) =>
        db.Database.SqlQueryRaw<string>(
                "SELECT coalesce(array_to_string(reloptions, ','), '') AS \"Value\" FROM pg_class WHERE relname = 'accounts'")
            .SingleAsync();
}
