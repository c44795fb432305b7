using Guichet.Data;
using Guichet.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Accounts.Files;

public sealed record StateCount(AccountState State, string Description, int Count);

/// <summary>The file that has waited longest in a state where the back office must act; <see cref="Age"/> at the time of asking.</summary>
public sealed record WaitingFile(AccountState State, Guid Id, string FolderNumber, string Login, DateTimeOffset WaitingSince, TimeSpan Age);

/// <summary>
/// The dashboard: every state with its count (zero included, in the seed's order), and for each state waiting for the
/// back office (<see cref="AccountStateDescriptions.WaitingForBackOffice"/>) its oldest file; <see cref="Oldest"/> is
/// the oldest of them.
/// </summary>
public sealed record RegistrationFileCounts(IReadOnlyList<StateCount> Counts, IReadOnlyList<WaitingFile> OldestWaiting)
{
    public WaitingFile? Oldest => OldestWaiting.OrderByDescending(f => f.Age).FirstOrDefault();

    public int Total => Counts.Sum(c => c.Count);
}

/// <summary>
/// Counts registration files per state and finds the oldest waiting ones. A file waits since it entered its state
/// (<see cref="Account.StateChangedAt"/>): a file sent back to WAIT_FOR_FILES yesterday has waited one day, however old.
/// </summary>
public sealed class CountRegistrationFilesByState(GuichetDbContext db, TimeProvider clock)
{
    public async Task<RegistrationFileCounts> HandleAsync(CancellationToken cancellationToken)
    {
        // Grouped by kind too, so that the (Kind, State) index answers alone (no row is read); administrators dropped here.
        var counted = (await db.Accounts.AsNoTracking().GroupBy(a => new { a.Kind, a.State })
                .Select(g => new { g.Key.Kind, g.Key.State, Count = g.Count() }).ToListAsync(cancellationToken))
            .Where(g => g.Kind != AccountKind.Administrator)
            .GroupBy(g => g.State).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        var files = db.Accounts.AsNoTracking().Where(a => a.Kind != AccountKind.Administrator);
        var now = clock.GetUtcNow();
        var oldest = new List<WaitingFile>();
        foreach (var state in AccountStateDescriptions.WaitingForBackOffice)
        {
            // Read first from (State, StateChangedAt).
            var file = await files.Where(a => a.State == state).OrderBy(a => a.StateChangedAt).ThenBy(a => a.Id)
                .Select(a => new { a.Id, a.FolderNumber, a.Login, a.StateChangedAt })
                .FirstOrDefaultAsync(cancellationToken);
            if (file is not null)
            {
                oldest.Add(new WaitingFile(state, file.Id, file.FolderNumber, file.Login, file.StateChangedAt, now - file.StateChangedAt));
            }
        }

        return new RegistrationFileCounts(
            [.. Enum.GetValues<AccountState>().Select(s => new StateCount(s, AccountStateDescriptions.Of(s), counted.GetValueOrDefault(s)))],
            oldest);
    }
}
