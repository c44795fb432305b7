namespace Guichet.Application.Enrolment;

/// <summary>Section <c>Enrolment</c>.</summary>
public sealed class EnrolmentOptions
{
    public const string Section = "Enrolment";

    /// <summary>How often the worker looks for jobs when nobody woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a job that failed waits before it is tried again (the name is older than that meaning).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
}
