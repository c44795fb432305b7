using Guichet.Data;
using Guichet.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Guichet.Application.Accounts.Files;

/// <summary>
/// Fills the search columns of the files that were written before them, or before their rules last changed
/// (<see cref="Account.FileIndexVersion"/> below <see cref="Account.CurrentFileIndexVersion"/>), by the same
/// <see cref="Account.IndexFile"/> the use cases call. Run on start, after the migrations: the company-name key (accents
/// removed) cannot be computed alike in SQLite and PostgreSQL SQL. Once done, it reads one empty index range.
/// </summary>
public sealed class IndexRegistrationFiles(GuichetDbContext db, ILogger<IndexRegistrationFiles> logger)
{
    public const int BatchSize = 500;

    /// <summary>Returns how many accounts were indexed.</summary>
    public async Task<int> HandleAsync(CancellationToken cancellationToken)
    {
        var indexed = 0;
        while (true)
        {
            var ids = await db.Accounts.Where(a => a.FileIndexVersion < Account.CurrentFileIndexVersion)
                .OrderBy(a => a.Id).Select(a => a.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return indexed;
            }

            List<Account> batch;
            try
            {
                batch = await db.Accounts.Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
            }
            catch (Exception exception) when (IsUnreadableFile(exception))
            {
                db.ChangeTracker.Clear();
                batch = await ReadableAsync(ids, cancellationToken);
            }

            foreach (var account in batch)
            {
                account.IndexFile();
            }

            try
            {
                // Not Touch(): the file did not change, so no page showing it is made stale.
                await db.SaveChangesAsync(cancellationToken);
                indexed += batch.Count;
            }
            catch (DbUpdateConcurrencyException)
            {
                // A use case changed one of them meanwhile, and indexed it: the others are taken again.
            }

            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// One by one: a file that cannot be read (its JSON damaged by hand) is logged and marked indexed with empty
    /// columns, so that it neither stops the start nor is read again at every start. Repairing it through a
    /// modification indexes it.
    /// </summary>
    private async Task<List<Account>> ReadableAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        var readable = new List<Account>();
        foreach (var id in ids)
        {
            try
            {
                readable.Add(await db.Accounts.SingleAsync(a => a.Id == id, cancellationToken));
            }
            catch (Exception exception) when (IsUnreadableFile(exception))
            {
                logger.LogError(exception, "The registration file of account {AccountId} cannot be read: it is left out of the search.", id);
                await db.Accounts.Where(a => a.Id == id)
                    .ExecuteUpdateAsync(set => set.SetProperty(a => a.FileIndexVersion, Account.CurrentFileIndexVersion), cancellationToken);
            }
        }

        return readable;
    }

    /// <summary>The JSON converter's error, whether or not EF wrapped it.</summary>
    private static bool IsUnreadableFile(Exception exception) =>
        exception.AndItsCauses().Any(cause => cause is System.Text.Json.JsonException);
}
