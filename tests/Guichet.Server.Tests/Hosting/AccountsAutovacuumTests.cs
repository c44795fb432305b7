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

        var mine = await server.InDbAsync(async db =>
        {
            var migrations = db.Database.GetMigrations().ToList();
            var index = migrations.FindIndex(m => m.EndsWith("_AccountsAutovacuum", StringComparison.Ordinal));
            await db.GetService<IMigrator>().MigrateAsync(migrations[index - 1]);
            return index;
        });
        Assert.True(mine > 0);
        Assert.Equal("", await server.InDbAsync(OptionsOfAccountsAsync));
    }

    // pg_class.reloptions: the table's storage parameters, "name=value" each; null when none is set.
    private static async Task<string> OptionsOfAccountsAsync(Guichet.Data.GuichetDbContext db) =>
        (await db.Database.SqlQueryRaw<string>(
                "SELECT coalesce(array_to_string(reloptions, ','), '') AS \"Value\" FROM pg_class WHERE relname = 'accounts'")
            .ToListAsync()).Single();
}
