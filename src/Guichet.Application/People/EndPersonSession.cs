using Guichet.Application.Auditing;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.People;

/// <summary>
/// Signing out ends the session on the server: a copy of its cookie opens nothing afterwards. A session that is unknown,
/// another person's or already ended changes nothing.
/// </summary>
public sealed class EndPersonSession(GuichetDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task HandleAsync(Guid personId, Guid sessionId, string? remoteAddress, CancellationToken cancellationToken)
    {
        var session = await db.PersonSessions
            .SingleOrDefaultAsync(s => s.Id == sessionId && s.PersonId == personId && s.EndedAt == null, cancellationToken);
        var email = await db.People.Where(p => p.Id == personId).Select(p => p.Email).SingleOrDefaultAsync(cancellationToken);
        if (session is null || email is null)
        {
            return;
        }

        session.EndedAt = clock.GetUtcNow();
        audit.Record(email, AuditEvents.PersonSignedOut, null, email, remoteAddress: remoteAddress, detail: session.Space.ToString());
        await db.SaveChangesAsync(cancellationToken);
    }
}
