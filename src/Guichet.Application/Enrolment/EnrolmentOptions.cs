namespace Guichet.Application.Enrolment;

/// <summary>Section <c>Enrolment</c>.</summary>
public sealed class EnrolmentOptions
{
    public const string Section = "Enrolment";

    /// <summary>How often the worker looks for jobs when nobody woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The least time from the start of one run to the start of the next: registrations that come faster wait at most this
    /// long and are enrolled together, in one transaction (bench/RESULTS.md, "Enrolments together"); a lone one is at once.
    /// </summary>
    public TimeSpan RunSpacing { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How long a job that failed waits before it is tried again (the name is older than that meaning); one that failed
    /// on a transient failure of the store, such as a deadlock, waits <see cref="PollInterval"/>.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
}
