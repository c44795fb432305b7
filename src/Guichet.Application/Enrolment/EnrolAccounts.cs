using Guichet.Application.Auditing;
using Guichet.Data;
using Guichet.Domain.Accounts;
using Guichet.Domain.Auditing;
using Guichet.Domain.Enrolment;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Guichet.Application.Enrolment;

/// <summary>
/// Takes pending enrolment jobs and turns each account REGISTERED: records its mailbox, subscriptions and PED
/// (<see cref="Account.RecordEnrolment"/>).
/// Taking a job is a lease guarded by optimistic concurrency (two instances cannot both take it); the account's
/// change and the job's removal are one transaction (a crash before it leaves the job to be taken again, and a
/// finished job no longer exists to run twice). A job that fails keeps its error and is tried again after its lease,
/// without holding up the others.
/// </summary>
public sealed class EnrolAccounts(
    GuichetDbContext db,
    AuditTrail audit,
    TimeProvider clock,
    IOptions<EnrolmentOptions> options,
    ILogger<EnrolAccounts> logger)
{
    /// <summary>Runs every job available now; returns how many accounts were enrolled.</summary>
    public async Task<int> HandleAsync(CancellationToken cancellationToken)
    {
        var enrolled = 0;
        while (await TakeNextAsync(cancellationToken) is { } job)
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
                logger.LogError(exception, "Enrolment job {JobId} failed (attempt {Attempt}); it is retried after its lease.", job.Id, job.Attempts);
                db.ChangeTracker.Clear();
                var error = $"{exception.GetType().Name}: {exception.Message}";
                await db.EnrolmentJobs.Where(j => j.Id == job.Id)
                    .ExecuteUpdateAsync(set => set.SetProperty(j => j.LastError, error.Length > 2000 ? error[..2000] : error), cancellationToken);
            }
        }

        return enrolled;
    }

    private async Task<EnrolmentJob?> TakeNextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = clock.GetUtcNow();
            var job = await db.EnrolmentJobs
                .Where(j => j.LeasedUntil == null || j.LeasedUntil < now)
                .OrderBy(j => j.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (job is null)
            {
                return null;
            }

            job.LeasedUntil = now + options.Value.Lease;
            job.Attempts++;
            job.Version = Guid.NewGuid();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return job;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another instance took it first: look for the next one.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<bool> CompleteAsync(EnrolmentJob job, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.SingleAsync(a => a.Id == job.AccountId, cancellationToken);
        if (account.State == AccountState.REGISTRATION_IN_PROGRESS)
        {
            var whiteLabel = await db.WhiteLabels.AsNoTracking().SingleAsync(w => w.Id == account.WhiteLabelId, cancellationToken);
            var primary = account.PrimaryAccountId is { } primaryId
                ? await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == primaryId, cancellationToken)
                : null;
            account.RecordEnrolment(whiteLabel, primary);
            account.EnrolledAt = clock.GetUtcNow();
            account.EnterState(AccountState.REGISTERED, account.EnrolledAt.Value);
            audit.Record("system", AuditEvents.AccountStateChanged, account.WhiteLabelId, account.Login,
                from: nameof(AccountState.REGISTRATION_IN_PROGRESS), to: nameof(AccountState.REGISTERED), detail: "enrolment");
        }

        db.EnrolmentJobs.Remove(job);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return account.State == AccountState.REGISTERED;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Our lease ran out and another instance finished the job: nothing to do.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
