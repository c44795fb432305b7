namespace Guichet.Domain.Enrolment;

/// <summary>
/// A pending enrolment, written in the same transaction as the move to REGISTRATION_IN_PROGRESS.
/// One row per account at most (unique), so an account is never enrolled twice; the worker completes the account and
/// deletes the row in one transaction, so a crash in between leaves the job to be taken again.
/// </summary>
public sealed class EnrolmentJob
{
    public long Id { get; set; }

    public Guid AccountId { get; set; }

    public DateTimeOffset EnqueuedAt { get; set; }

    /// <summary>
    /// Not tried before then: set when an attempt fails (<see cref="LastError"/>). Versions before 2026-12-07 also set it
    /// when an instance took the job, so a job whose instance died waits this long too.
    /// </summary>
    public DateTimeOffset? LeasedUntil { get; set; }

    /// <summary>Attempts that failed.</summary>
    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}
