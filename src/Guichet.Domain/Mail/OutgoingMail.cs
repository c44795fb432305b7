namespace Guichet.Domain.Mail;

public enum OutgoingMailState
{
    /// <summary>Waiting for its first attempt or for its next retry.</summary>
    Pending,

    /// <summary>Handed to the mail server (or written to the pickup folder); its body is wiped.</summary>
    Sent,

    /// <summary>Given up after the configured delay, or at once when it can never be sent; its body is wiped.</summary>
    GaveUp,
}

/// <summary>
/// One email of the outbox, written in the same transaction as the change that causes it and sent by the mail worker.
/// The subject and bodies carry live links (validation, password reset): they are stored encrypted, and the bodies are
/// wiped once the mail is sent or given up. A finished row stays for the retention period so that an operator can see
/// what left and what did not, then it is deleted.
/// </summary>
public sealed class OutgoingMail
{
    public const int MaxRecipientLength = 250;

    public const int MaxErrorLength = 2000;

    public long Id { get; set; }

    /// <summary>In clear: what an operator looks for when someone says a mail never came.</summary>
    public required string Recipient { get; set; }

    /// <summary>The subject, encrypted with Data Protection.</summary>
    public required string ProtectedSubject { get; set; }

    /// <summary>The text and HTML bodies, encrypted with Data Protection; null once sent or given up.</summary>
    public string? ProtectedBody { get; set; }

    public OutgoingMailState State { get; set; } = OutgoingMailState.Pending;

    public DateTimeOffset EnqueuedAt { get; set; }

    /// <summary>Not tried before then (the backoff after a failure).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>An instance that claimed the row holds it until then; after, another may claim it.</summary>
    public DateTimeOffset? LeasedUntil { get; set; }

    /// <summary>Who holds the lease: only that claim may record the outcome.</summary>
    public Guid? LeaseId { get; set; }

    public string? LastError { get; set; }

    /// <summary>When it was sent or given up; the retention counts from there.</summary>
    public DateTimeOffset? FinishedAt { get; set; }
}
