using Guichet.Application.Accounts.Files;
using Guichet.Domain.Accounts;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Server.Tests.RegistrationFiles;

/// <summary>The dashboard: files per state, and the oldest ones waiting for the back office.</summary>
public abstract class RegistrationFileDashboardTests(GuichetServer server)
{
    private readonly TestFiles _files = new(server);

    private Task<RegistrationFileCounts> CountAsync() =>
        server.InScopeAsync(services => services.GetRequiredService<CountRegistrationFilesByState>().HandleAsync(CancellationToken.None));

    [Fact]
    public async Task Counts_EveryStateInTheSeedsOrder_FilesOnly()
    {
        var credentials = await server.CreateWhiteLabelAsync();
        var before = await CountAsync();
        await server.CreateAdministratorAsync(credentials.WhiteLabel.Code);
        await _files.AddAsync(credentials.WhiteLabel.Id, state: AccountState.WAIT_FOR_FILES);
        await _files.AddAsync(credentials.WhiteLabel.Id, state: AccountState.WAIT_FOR_FILES);
        await _files.AddAsync(credentials.WhiteLabel.Id, state: AccountState.CLOSED);

        var after = await CountAsync();

        Assert.Equal(Enum.GetValues<AccountState>(), after.Counts.Select(c => c.State));
        Assert.Equal("Dossier en attente des pièces à envoyer par courrier",
            after.Counts.Single(c => c.State == AccountState.WAIT_FOR_FILES).Description);
        var added = after.Counts.Zip(before.Counts, (a, b) => (a.State, Added: a.Count - b.Count)).Where(c => c.Added != 0).ToList();
        // The administrator (REGISTERED) is not a file.
        Assert.Equal([(AccountState.WAIT_FOR_FILES, 2), (AccountState.CLOSED, 1)], added);
        Assert.Equal(before.Total + 3, after.Total);
    }

    [Fact]
    public async Task OldestWaiting_PerWaitingState_SinceItEnteredTheState()
    {
        var wl = await _files.WhiteLabelAsync();
        var now = server.Clock.GetUtcNow();
        // Created long ago but sent back to WAIT_FOR_FILES recently: it has not waited long.
        var sentBack = await _files.AddAsync(wl, new DateTimeOffset(1999, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await server.InDbAsync(db => db.Accounts.Where(a => a.Id == sentBack.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.StateChangedAt, now.AddHours(-1))));
        var waiting = await _files.AddAsync(wl, new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var validated = await _files.AddAsync(wl, new DateTimeOffset(2000, 6, 1, 0, 0, 0, TimeSpan.Zero), AccountState.BO_VALIDATED);
        // Not waiting for the back office, however old.
        await _files.AddAsync(wl, new DateTimeOffset(1990, 1, 1, 0, 0, 0, TimeSpan.Zero), AccountState.CREATION_SUSPENDED);

        var counts = await CountAsync();

        Assert.Equal([AccountState.WAIT_FOR_FILES, AccountState.BO_VALIDATED], counts.OldestWaiting.Select(w => w.State));
        var oldest = counts.OldestWaiting[0];
        Assert.Equal((waiting.Id, waiting.FolderNumber, waiting.Login, waiting.StateChangedAt),
            (oldest.Id, oldest.FolderNumber, oldest.Login, oldest.WaitingSince));
        Assert.InRange(oldest.Age, now - waiting.StateChangedAt - TimeSpan.FromMinutes(1), now - waiting.StateChangedAt + TimeSpan.FromMinutes(1));
        Assert.Equal(validated.Id, counts.OldestWaiting[1].Id);
        Assert.Equal(waiting.Id, counts.Oldest!.Id);
    }
}

public sealed class RegistrationFileDashboardTestsOnSqlite(SqliteServerFixture server)
    : RegistrationFileDashboardTests(server), IClassFixture<SqliteServerFixture>;

public sealed class RegistrationFileDashboardTestsOnPostgres(PostgresServerFixture server)
    : RegistrationFileDashboardTests(server), IClassFixture<PostgresServerFixture>;
