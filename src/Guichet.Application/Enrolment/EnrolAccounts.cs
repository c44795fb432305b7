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
/// The jobs of a run are done in one transaction: each account's change, guarded by its version, and the jobs' removal,
/// guarded by theirs; the worker's runs are spaced (<see cref="EnrolmentOptions.RunSpacing"/>) so that registrations
/// coming fast share one. Two instances may read the same job; the second finds it done (or fails its guards and rolls
/// back) and moves on, so an account is enrolled exactly once, and a crash before the commit leaves the jobs to be done
/// again. A run takes its accounts' rows in one order, the same in every run, so that two runs on one batch wait for
/// each other rather than deadlock. A job that fails is done alone, keeps its error and waits
/// <see cref="EnrolmentOptions.Lease"/> before it is tried again, without holding up the others; after a failure the
/// store calls transient (a deadlock with another writer, a serialization failure), only until the next poll, as
/// PostgreSQL asks of a transaction it aborts that way. Done alone, the jobs go in each instance's own random order, so
/// that two instances seldom meet on one. The work is the store's alone (no mail, no call out): holding a job across
/// two transactions, as the outbox holds a mail it sends, would cost a write and a commit per registration
/// (bench/README.md, "A hashing call's CPU beyond its hash").
/// </summary>
public sealed class EnrolAccounts(
    GuichetDbContext db,
    AuditTrail audit,
    TimeProvider clock,
    IOptions<EnrolmentOptions> options,
    ILogger<EnrolAccounts> logger)
{
    /// <summary>Jobs read and done at once; a backlog is worked through in batches of this many.</summary>
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
            enrolled += await CompleteTogetherAsync(order, cancellationToken);
        }
        while (jobs.Count == Batch);

        return enrolled;
    }

    private sealed record AvailableJob(long Id, Guid Version, Guid AccountId, int Attempts);

    private sealed record PendingAccount(AccountState State, Guid Version, Guid WhiteLabelId, EnrolmentFacts Facts);

    private sealed record ListedJob(long Id, Guid Version, PendingAccount Account);

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

    /// <summary>
    /// The jobs in one transaction: one read, one audit batch, one removal and one commit for all of them, and the
    /// account's change each. When that fails, or another run finished one of them first, each is done alone, so that a
    /// failing job holds up no other and keeps its own error.
    /// </summary>
    private async Task<int> CompleteTogetherAsync(AvailableJob[] jobs, CancellationToken cancellationToken)
    {
        if (jobs.Length > 1)
        {
            try
            {
                if (await CompleteAsync(jobs, cancellationToken) is { } enrolledTogether)
                {
                    return enrolledTogether;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning("Enrolment of {Count} jobs together failed ({Error}); each is done alone.", jobs.Length, exception.Message);
            }
            finally
            {
                // Nothing of a transaction outlives it (its audit rows, saved or not).
                db.ChangeTracker.Clear();
            }
        }

        var enrolled = 0;
        foreach (var job in jobs)
        {
            try
            {
                enrolled += await CompleteAsync([job], cancellationToken) ?? 0;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                var wait = DbErrors.IsTransient(exception) ? options.Value.PollInterval : options.Value.Lease;
                logger.LogError(exception, "Enrolment job {JobId} failed (attempt {Attempt}); it is retried after {Wait}.",
                    job.Id, job.Attempts + 1, wait);
                await PostponeAsync(job, exception, wait, cancellationToken);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return enrolled;
    }

    /// <returns>
    /// How many accounts the transaction enrolled (an account changed since it was read, or no longer in progress, is
    /// not); null when another run finished one of the jobs first, and nothing was written.
    /// </returns>
    private async Task<int?> CompleteAsync(IReadOnlyCollection<AvailableJob> jobs, CancellationToken cancellationToken)
    {
        var pending = await PendingAccountsAsync(jobs, cancellationToken);
        var now = clock.GetUtcNow();
        // Computed before the transaction opens: a file the record cannot be made of writes nothing. The accounts are
        // locked in one order, the same in every run: two runs on one batch then wait for each other, never deadlock.
        var work = new List<(AvailableJob Job, PendingAccount Account, EnrolmentRecord? Record)>(pending.Count);
        foreach (var job in jobs.OrderBy(j => j.AccountId))
        {
            if (pending.TryGetValue(job.Id, out var account))
            {
                work.Add((job, account, account.State == AccountState.REGISTRATION_IN_PROGRESS ? account.Facts.Record() : null));
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var finished = new List<AvailableJob>(work.Count);
        var enrolled = 0;
        foreach (var (job, account, record) in work)
        {
            if (record is not null)
            {
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
                    continue;
                }

                audit.Record("system", AuditEvents.AccountStateChanged, account.WhiteLabelId, account.Facts.Login,
                    from: nameof(AccountState.REGISTRATION_IN_PROGRESS), to: nameof(AccountState.REGISTERED), detail: "enrolment");
                enrolled++;
            }

            finished.Add(job);
        }

        if (finished.Count == 0)
        {
            return 0;
        }

        await db.SaveChangesAsync(cancellationToken);
        // Each job guarded by its version, as read: versions are random, so no job's matches another's.
        var ids = finished.Select(j => j.Id).ToList();
        var versions = finished.Select(j => j.Version).ToList();
        if (await db.EnrolmentJobs.Where(j => ids.Contains(j.Id) && versions.Contains(j.Version)).ExecuteDeleteAsync(cancellationToken)
            != finished.Count)
        {
            // Another run finished a job first: what this one changed is rolled back with the transaction.
            return null;
        }

        await transaction.CommitAsync(cancellationToken);
        return enrolled;
    }

    /// <summary>
    /// What the records need and nothing more, in one statement: each account's file, its primary's, its white label's;
    /// nothing for a job another run has done (or set aside) since it was listed.
    /// </summary>
    private async Task<Dictionary<long, PendingAccount>> PendingAccountsAsync(IReadOnlyCollection<AvailableJob> jobs,
        CancellationToken cancellationToken)
    {
        var ids = jobs.Select(j => j.Id).ToList();
        var rows = await (
                from j in db.EnrolmentJobs.AsNoTracking()
                where ids.Contains(j.Id)
                join a in db.Accounts on j.AccountId equals a.Id
                join w in db.WhiteLabels on a.WhiteLabelId equals w.Id
                select new ListedJob(j.Id, j.Version, new PendingAccount(a.State, a.Version, a.WhiteLabelId, new EnrolmentFacts(
                    a.Kind, a.Login, a.WantsMailbox, a.Data, a.PrimaryAccount != null, a.PrimaryAccount!.Data, w.MailDomain,
                    w.DefaultEdiPartnerNumber))))
            .ToListAsync(cancellationToken);
        var listed = jobs.ToDictionary(j => j.Id, j => j.Version);
        return rows.Where(r => listed[r.Id] == r.Version).ToDictionary(r => r.Id, r => r.Account);
    }

    /// <summary>Keeps the error on the job and sets it aside for a while; a job another run finished meanwhile is gone.</summary>
    private Task<int> PostponeAsync(AvailableJob job, Exception exception, TimeSpan wait, CancellationToken cancellationToken)
    {
        var error = Describe(exception);
        var until = clock.GetUtcNow() + wait;
        return db.EnrolmentJobs.Where(j => j.Id == job.Id)
            .ExecuteUpdateAsync(set => set
                .SetProperty(j => j.LastError, error)
                .SetProperty(j => j.LeasedUntil, until)
                .SetProperty(j => j.Attempts, j => j.Attempts + 1)
                .SetProperty(j => j.Version, Guid.NewGuid()), cancellationToken);
    }

    /// <summary>The failure and its causes, outermost first: EF Core wraps the store's own error in a sentence of its own.</summary>
    private static string Describe(Exception exception)
    {
        var error = string.Join(" Caused by ", exception.AndItsCauses().Select(cause => $"{cause.GetType().Name}: {cause.Message}"));
        return error.Length > 2000 ? error[..2000] : error;
    }
}
