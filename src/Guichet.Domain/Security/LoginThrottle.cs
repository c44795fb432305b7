namespace Guichet.Domain.Security;

/// <summary>
/// Brute-force brake of seed 004 §1.3.2 for one login: after each failure the next attempt waits in proportion to
/// the number of failures, at most 30 minutes; a success resets it.
/// </summary>
public sealed class LoginThrottle
{
    /// <summary>Room for the longest key: <c>portal:</c>, an email of 250 characters and a device (40).</summary>
    public const int MaxKeyLength = 300;

    public static readonly TimeSpan StepPerFailure = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The throttle key: the door and what names the login behind it (<see cref="SoapKey"/>, <see cref="PortalKey"/>,
    /// <see cref="StaffKey"/>), also for logins that do not exist, so that they look the same.
    /// </summary>
    public required string Login { get; set; }

    public int Failures { get; set; }

    public DateTimeOffset? BlockedUntil { get; set; }

    /// <summary>
    /// A SOAP login, in its white label's own key space: a white label can only slow down its own accounts, and the
    /// portal's people are out of its reach.
    /// </summary>
    public static string SoapKey(Guid whiteLabelId, string normalizedLogin) => $"soap:{whiteLabelId:D}:{normalizedLogin}";

    /// <summary>A portal person, by normalised email, from a browser they never signed in with.</summary>
    public static string PortalKey(string normalizedEmail) => $"portal:{normalizedEmail}";

    /// <summary>
    /// A portal person from a browser where they signed in before (a trusted device): its failures count apart, so that
    /// someone who keeps the address's own key locked by guessing does not lock its owner out of their usual browser.
    /// </summary>
    public static string PortalDeviceKey(string normalizedEmail, Guid device) => $"portal:{normalizedEmail}#device:{device:N}";

    /// <summary>
    /// A back-office member, by normalised email: password and second-factor failures count in this one key, which a
    /// portal person of the same email cannot slow down (nor the other way round).
    /// </summary>
    public static string StaffKey(string normalizedEmail) => $"staff:{normalizedEmail}";

    public static TimeSpan WaitAfter(int failures) =>
        TimeSpan.FromTicks(Math.Min(StepPerFailure.Ticks * failures, MaxWait.Ticks));

    public bool IsBlocked(DateTimeOffset now) => BlockedUntil is { } until && until > now;
}
