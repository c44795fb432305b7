using Guichet.Application.Accounts.Files;
using Guichet.Domain.Accounts;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Wire = Guichet.Server.Soap.Contract;

namespace Guichet.Server.Tests.RegistrationFiles;

/// <summary>The search columns follow the file: at registration, at modification, and for rows written before they existed.</summary>
public abstract class RegistrationFileIndexTests(GuichetServer server)
{
    private readonly TestFiles _files = new(server);

    private Task<int> IndexAsync() =>
        server.InScopeAsync(services => services.GetRequiredService<IndexRegistrationFiles>().HandleAsync(CancellationToken.None));

    [Fact]
    public async Task RegisterPrimary_OverSoap_FillsTheSearchColumns()
    {
        var tenant = await server.SharedTenantAsync();
        var file = SampleFiles.Primary();
        file.CompanyName = "Crêperie L'Été";
        file.Manager!.Email = $"Anne.{Guid.NewGuid():N}@Example.FR";

        var registered = await tenant.RegisterPrimaryAsync(file);

        var stored = await server.InDbAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.Login == registered.Login));
        Assert.Equal(("73282932000074", "Crêperie L'Été", "creperie l ete"), (stored.Siret, stored.CompanyName, stored.CompanyNameKey));
        Assert.Equal(file.Manager.Email.ToLowerInvariant(), stored.ManagerEmail);
        Assert.Equal(Account.CurrentFileIndexVersion, stored.FileIndexVersion);
        Assert.Equal(stored.CreatedAt, stored.StateChangedAt);
        Assert.Equal([stored.Id], await _files.FindAsync(new RegistrationFileSearch(Text: file.Manager.Email)));
    }

    [Fact]
    public async Task RegisterSecondary_OverSoap_IndexesItsOwnFile()
    {
        var tenant = await server.SharedTenantAsync();
        var primary = await tenant.RegisteredPrimaryAsync();
        var file = SampleFiles.Secondary();
        file.Siret = "55210055400013";
        file.CompanyName = "Agence Lyon Nord";

        var registered = await tenant.As(primary.Login, primary.Password).RegisterSecondaryAccountAsync(file);

        var stored = await server.InDbAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.Login == registered.Login));
        Assert.Equal(("55210055400013", "agence lyon nord", "jean.petit@example.fr"), (stored.Siret, stored.CompanyNameKey, stored.ManagerEmail));
    }

    [Fact]
    public async Task Modify_OverSoap_TheColumnsFollowTheFile()
    {
        var tenant = await server.SharedTenantAsync();
        var primary = await tenant.RegisteredPrimaryAsync();
        var email = $"nouveau.{Guid.NewGuid():N}@example.fr";
        var before = await server.InDbAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.Login == primary.Login));

        await tenant.As(primary.Login, primary.Password).ModifyPrimaryAccountAsync(new Wire.PrimaryAccountData
        {
            AccountName = primary.Login,
            CompanyName = "Œnologie Réunie",
            Siret = "55210055400013",
            Manager = new Wire.AccountManager { Email = email },
        });

        var after = await server.InDbAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.Login == primary.Login));
        Assert.Equal(("55210055400013", "Œnologie Réunie", "oenologie reunie", email),
            (after.Siret, after.CompanyName, after.CompanyNameKey, after.ManagerEmail));
        // Modifying the file is not a change of state.
        Assert.Equal(before.StateChangedAt, after.StateChangedAt);
        Assert.Equal([after.Id], await _files.FindAsync(new RegistrationFileSearch(Text: "oenologie reunie", WhiteLabelId: after.WhiteLabelId)));
    }

    [Fact]
    public async Task IndexRegistrationFiles_FillsRowsLeftBehind_SkipsAnUnreadableFile()
    {
        var wl = await _files.WhiteLabelAsync();
        var file = await _files.AddAsync(wl, data: TestFiles.File("Épicerie Fine", email: "Gerant@Epicerie.example"));
        var damaged = await _files.AddAsync(wl);
        await server.InDbAsync(async db =>
        {
            // What a row written before the columns existed looks like; and one whose JSON was damaged by hand.
            await db.Accounts.Where(a => a.WhiteLabelId == wl).ExecuteUpdateAsync(set => set
                .SetProperty(a => a.Siret, (string?)null).SetProperty(a => a.CompanyName, (string?)null)
                .SetProperty(a => a.CompanyNameKey, (string?)null).SetProperty(a => a.ManagerEmail, (string?)null)
                .SetProperty(a => a.FileIndexVersion, 0));
            return await db.Database.ExecuteSqlAsync($"UPDATE accounts SET \"Data\" = '{{not json' WHERE \"Id\" = {damaged.Id}");
        });

        var indexed = await IndexAsync();

        Assert.True(indexed >= 1);
        var stored = await server.InDbAsync(db => db.Accounts.AsNoTracking().Where(a => a.WhiteLabelId == wl)
            .Select(a => new { a.Id, a.Siret, a.CompanyName, a.CompanyNameKey, a.ManagerEmail, a.FileIndexVersion }).ToListAsync());
        var good = stored.Single(a => a.Id == file.Id);
        Assert.Equal((file.Siret, "Épicerie Fine", "epicerie fine", "gerant@epicerie.example"),
            (good.Siret, good.CompanyName, good.CompanyNameKey, good.ManagerEmail));
        Assert.All(stored, a => Assert.Equal(Account.CurrentFileIndexVersion, a.FileIndexVersion));
        Assert.Null(stored.Single(a => a.Id == damaged.Id).ManagerEmail);
        Assert.Equal(0, await IndexAsync());
        await server.InDbAsync(db => db.Accounts.Where(a => a.Id == damaged.Id).ExecuteDeleteAsync());
    }
}

public sealed class RegistrationFileIndexTestsOnSqlite(SqliteServerFixture server)
    : RegistrationFileIndexTests(server), IClassFixture<SqliteServerFixture>;

public sealed class RegistrationFileIndexTestsOnPostgres(PostgresServerFixture server)
    : RegistrationFileIndexTests(server), IClassFixture<PostgresServerFixture>;

/// <summary>
/// A database that held files before the migration RegistrationFileSearch: after it, each existing row has waited since
/// its creation and is found by the search, the server's start having indexed it. Each test has its own database.
/// </summary>
public abstract class RegistrationFileBackfillTests(DatabaseProvider provider)
{
    [Fact]
    public async Task ExistingRows_AfterTheMigrationAndARestart_AreDatedAndFound()
    {
        using var first = new GuichetServer(provider);
        var files = new TestFiles(first);
        var wl = await files.WhiteLabelAsync();
        var createdAt = new DateTimeOffset(2025, 3, 4, 10, 0, 0, TimeSpan.Zero);
        var file = await files.AddAsync(wl, createdAt, data: TestFiles.File("Menuiserie Hébert"));
        await first.InDbAsync(async db =>
        {
            // Back to the schema before the search columns (the row stays, without them), then forward again.
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            var mine = migrations.FindIndex(m => m.EndsWith("_RegistrationFileSearch", StringComparison.Ordinal));
            await migrator.MigrateAsync(migrations[mine - 1]);
            await migrator.MigrateAsync();
            return 0;
        });
        var migrated = await first.InDbAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.Id == file.Id));
        Assert.Equal((0, null), (migrated.FileIndexVersion, migrated.CompanyNameKey));
        Assert.Equal(createdAt, migrated.StateChangedAt);

        using var restarted = new GuichetServer(provider, first.ConnectionString, first.KeysFolder);

        var ids = await new TestFiles(restarted).FindAsync(new RegistrationFileSearch(Text: "menuiserie hebert", WhiteLabelId: wl));
        Assert.Equal([file.Id], ids);
    }
}

public sealed class RegistrationFileBackfillTestsOnSqlite() : RegistrationFileBackfillTests(DatabaseProvider.Sqlite);

public sealed class RegistrationFileBackfillTestsOnPostgres() : RegistrationFileBackfillTests(DatabaseProvider.PostgreSql);
