using Guichet.Data;
using Guichet.Domain.Auditing;

namespace Guichet.Application.Auditing;

/// <summary>Adds audit entries to the current unit of work, so that they are saved with the change they describe.</summary>
public sealed class AuditTrail(GuichetDbContext db, TimeProvider clock)
{
    /// <summary>Values longer than their column (e.g. a stranger's 5,000-character WSSE username) are cut to it.</summary>
    public void Record(string actor, string @event, Guid? whiteLabelId, string? subject,
        string? from = null, string? to = null, string? remoteAddress = null, string? detail = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            Actor = Cut(actor, AuditEntry.MaxActorLength)!,
            Event = @event,
            WhiteLabelId = whiteLabelId,
            Subject = Cut(subject, AuditEntry.MaxSubjectLength),
            FromValue = Cut(from, AuditEntry.MaxValueLength),
            ToValue = Cut(to, AuditEntry.MaxValueLength),
            RemoteAddress = Cut(remoteAddress, AuditEntry.MaxRemoteAddressLength),
            Detail = Cut(detail, AuditEntry.MaxDetailLength),
        });

    private static string? Cut(string? value, int length) => value is { } text && text.Length > length ? text[..length] : value;
}
