namespace Guichet.Domain.Auditing;

/// <summary>One line of the audit trail: who did what to which subject, when and from where.</summary>
public sealed class AuditEntry
{
    /// <summary>Column lengths (the EF configuration uses them too); longer values are cut by the audit trail.</summary>
    public const int MaxActorLength = 100;

    public const int MaxSubjectLength = 100;

    public const int MaxValueLength = 100;

    public const int MaxRemoteAddressLength = 64;

    public const int MaxDetailLength = 2000;

    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Login or operator name; "system" for background jobs.</summary>
    public required string Actor { get; set; }

    /// <summary>Stable event name, e.g. <c>account.state_changed</c>.</summary>
    public required string Event { get; set; }

    public Guid? WhiteLabelId { get; set; }

    /// <summary>Login, folder number or other id of what the event is about.</summary>
    public string? Subject { get; set; }

    public string? FromValue { get; set; }

    public string? ToValue { get; set; }

    public string? RemoteAddress { get; set; }

    public string? Detail { get; set; }
}
