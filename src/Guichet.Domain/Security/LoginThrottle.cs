namespace Guichet.Domain.Security;

/// <summary>
/// Brute-force brake of seed 004 §1.3.2 for one login: after each failure the next attempt waits in proportion to
/// the number of failures, at most 30 minutes; a success resets it.
/// </summary>
public sealed class LoginThrottle
{
    public static readonly TimeSpan StepPerFailure = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(30);

    /// <summary>The login as typed, lower case (also for logins that do not exist, so that they look the same).</summary>
    public required string Login { get; set; }

    public int Failures { get; set; }

    public DateTimeOffset? BlockedUntil { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public static TimeSpan WaitAfter(int failures) =>
        TimeSpan.FromTicks(Math.Min(StepPerFailure.Ticks * failures, MaxWait.Ticks));

    public bool IsBlocked(DateTimeOffset now) => BlockedUntil is { } until && until > now;

    public void RecordFailure(DateTimeOffset now)
    {
        Failures++;
        BlockedUntil = now + WaitAfter(Failures);
        Version = Guid.NewGuid();
    }
}
