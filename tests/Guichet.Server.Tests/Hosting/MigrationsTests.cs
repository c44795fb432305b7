using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Guichet.Server.Tests.Hosting;

/// <summary>
/// A start migrates the store only when a migration is pending (DatabaseSetup.MigrateAsync). Each test has its own
/// database.
/// </summary>
public abstract class MigrationsTests(DatabaseProvider provider)
{
    [Fact]
    public async Task APendingMigration_IsAppliedAtTheNextStart()
    {
        using var first = new GuichetServer(provider);
        var all = await first.InDbAsync(db => Task.FromResult(db.Database.GetMigrations().ToList()));
        await first.InDbAsync(async db =>
        {
            await db.GetService<IMigrator>().MigrateAsync(all[^2]);
            return 0;
        });
        Assert.Equal([all[^1]], await first.InDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList()));

        using var restarted = new GuichetServer(provider, first.ConnectionString, first.KeysFolder);

        Assert.Equal(all, await restarted.InDbAsync(async db => (await db.Database.GetAppliedMigrationsAsync()).ToList()));
        // The store answers queries of the model again (the key ring's table: SQLite's last migration).
        Assert.Equal(0, await restarted.InDbAsync(db => db.DataProtectionKeys.CountAsync()));
    }
}

public sealed class MigrationsTestsOnSqlite() : MigrationsTests(DatabaseProvider.Sqlite);

public sealed class MigrationsTestsOnPostgres() : MigrationsTests(DatabaseProvider.PostgreSql);
