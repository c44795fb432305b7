namespace Guichet.Application.Maintenance;

/// <summary>Section <c>Maintenance</c>.</summary>
public sealed class MaintenanceOptions
{
    public const string Section = "Maintenance";

    /// <summary>At most a day: at 300 calls a second an instance leaves a million nonces an hour, all for the next run.</summary>
    public static readonly TimeSpan LongestInterval = TimeSpan.FromDays(1);

    /// <summary>How often each instance runs the maintenance (<see cref="RunMaintenance"/>); once also at its start.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);
}
