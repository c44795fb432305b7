using Guichet.Application.Auditing;
using Guichet.Data;
using Guichet.Domain.Accounts;
using Guichet.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Guichet.Application.Enrolment;

/// <summary>
/// Takes pending enrolment jobs and turns each account REGISTERED: records its mailbox, subscriptions and PED
/// (<see cref="EnrolmentFacts.Record"/>).
/// A job is done in one transaction: the account's change, guarded by its version, and the job's removal, guarded by
/// the job's. Two instances may read the same job; the second finds it done (or fails its guards and rolls back) and
/// moves on, so an account is enrolled exactly once, and a crash before the commit leaves the job to be done again. Each
/// instance takes a batch in its own random order, so that two working through one backlog seldom meet on a job. A
/// job that fails keeps its error and waits <see cref="EnrolmentOptions.Lease"/> before it is tried again, without
/// holding up the others. The work is the store's alone (no mail, no call out): holding a job across two transactions,
/// as the outbox holds a mail it sends, would cost a write and a commit per registration (bench/README.md, "A hashing
/// call's CPU beyond its hash").
/// </summary>
public sealed class EnrolAccounts(
    GuichetDbContext db,
    AuditTrail audit,
    TimeProvider clock,
    IOptions<EnrolmentOptions> options,
    ILogger<EnrolAccounts> logger)
{
    /// <summary>Jobs read at once: one statement per wake when registrations come one by one, as they do.</summary>
    private const int Batch = 32;

    /// <summary>Runs every job available now; returns how many accounts were enrolled.</summary>
    public async Task<int> HandleAsync(CancellationToken cancellationToken)
    {
        var enrolled = 0;
        List<AvailableJob> jobs;
        do
        {
            jobs = await AvailableJobsAsync(cancellationToken);
            var order = jobs.ToArray();
            Random.Shared.Shuffle(order);
            foreach (var job in order)
            {
                try
                {
                    if (await CompleteAsync(job, cancellationToken))
                    {
                        enrolled++;
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogError(exception, "Enrolment job {JobId} failed (attempt {Attempt}); it is retried after {Lease}.",
                        job.Id, job.Attempts + 1, options.Value.Lease);
                    await PostponeAsync(job, exception, cancellationToken);
                }
                finally
                {
                    // Nothing of a job outlives it (its audit row, saved or not): a backlog of thousands of jobs in one run
                    // would otherwise make each save compare every row saved before it.
                    db.ChangeTracker.Clear();
                }
            }
        }
        while (jobs.Count == Batch);

        return enrolled;
    }

    private sealed record AvailableJob(long Id, Guid Version, Guid AccountId, int Attempts);

    private sealed record PendingAccount(AccountState State, Guid Version, Guid WhiteLabelId, EnrolmentFacts Facts);

    private Task<List<AvailableJob>> AvailableJobsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.EnrolmentJobs.AsNoTracking()
            .Where(j => j.LeasedUntil == null || j.LeasedUntil < now)
            .OrderBy(j => j.Id)
            .Take(Batch)
            .Select(j => new AvailableJob(j.Id, j.Version, j.AccountId, j.Attempts))
            .ToListAsync(cancellationToken);
    }

    /// <returns>Whether this run enrolled the account (false: it was not in progress, or another run did it first).</returns>
    private async Task<bool> CompleteAsync(AvailableJob job, CancellationToken cancellationToken)
    {
        // What the record needs and nothing more, in one statement: the account's file, its primary's, its white label's;
        // nothing when another run has done the job since it was listed.
        var account = await (
                from a in db.Accounts.AsNoTracking()
                where a.Id == job.AccountId && db.EnrolmentJobs.Any(j => j.Id == job.Id && j.Version == job.Version)
                join w in db.WhiteLabels on a.WhiteLabelId equals w.Id
                select new PendingAccount(a.State, a.Version, a.WhiteLabelId, new EnrolmentFacts(
                    a.Kind, a.Login, a.WantsMailbox, a.Data, a.PrimaryAccount != null, a.PrimaryAccount!.Data, w.MailDomain,
                    w.DefaultEdiPartnerNumber)))
            .SingleOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var enrolled = account.State == AccountState.REGISTRATION_IN_PROGRESS;
        if (enrolled)
        {
            var record = account.Facts.Record();
            // Account.EnterState's three columns (the state, since when, a new version), guarded by the version read.
            var changed = await db.Accounts.Where(a => a.Id == job.AccountId && a.Version == account.Version)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(a => a.Mailbox, record.Mailbox)
                    .SetProperty(a => a.Subscriptions, record.Subscriptions)
                    .SetProperty(a => a.EdiPartnerNumber, record.EdiPartnerNumber)
                    .SetProperty(a => a.EnrolledAt, now)
                    .SetProperty(a => a.State, AccountState.REGISTERED)
                    .SetProperty(a => a.StateChangedAt, now)
                    .SetProperty(a => a.Version, Guid.NewGuid()), cancellationToken);
            if (changed == 0)
            {
                // Changed since it was read (another run enrolled it, or a status change): the job waits for the next run.
                return false;
            }

            audit.Record("system", AuditEvents.AccountStateChanged, account.WhiteLabelId, account.Facts.Login,
                from: nameof(AccountState.REGISTRATION_IN_PROGRESS), to: nameof(AccountState.REGISTERED), detail: "enrolment");
            await db.SaveChangesAsync(cancellationToken);
        }

        if (await db.EnrolmentJobs.Where(j => j.Id == job.Id && j.Version == job.Version).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            // Another run finished the job first: what this one changed is rolled back with the transaction.
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return enrolled;
    }

    /// <summary>Keeps the error on the job and sets it aside for a lease; a job another run finished meanwhile is gone.</summary>
    private Task<int> PostponeAsync(AvailableJob job, Exception exception, CancellationToken cancellationToken)
    {
        var error = $"{exception.GetType().Name}: {exception.Message}";
        error = error.Length > 2000 ? error[..2000] : error;
        var until = clock.GetUtcNow() + options.Value.Lease;
        return db.EnrolmentJobs.Where(j => j.Id == job.Id)
            .ExecuteUpdateAsync(set => set
                .SetProperty(j => j.LastError, error)
                .SetProperty(j => j.LeasedUntil, until)
                .SetProperty(j => j.Attempts, j => j.Attempts + 1)
                .SetProperty(j => j.Version, Guid.NewGuid()), cancellationToken);
    }
}
