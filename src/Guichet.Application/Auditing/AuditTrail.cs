using Guichet.Data;
using Guichet.Domain.Auditing;

namespace Guichet.Application.Auditing;

/// <summary>Adds audit entries to the current unit of work, so that they are saved with the change they describe.</summary>
public sealed class AuditTrail(GuichetDbContext db, TimeProvider clock)
{
    public void Record(string actor, string @event, Guid? whiteLabelId, string? subject,
        string? from = null, string? to = null, string? remoteAddress = null, string? detail = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            Actor = actor,
            Event = @event,
            WhiteLabelId = whiteLabelId,
            Subject = subject,
            FromValue = from,
            ToValue = to,
            RemoteAddress = remoteAddress,
            Detail = detail is { Length: > 2000 } ? detail[..2000] : detail,
        });
}
