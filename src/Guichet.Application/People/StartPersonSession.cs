using Guichet.Application.Auditing;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.People;

namespace Guichet.Application.People;

/// <summary>Opens the server-side session of a person who just signed in to a space; its id goes into the cookie.</summary>
public sealed class StartPersonSession(GuichetDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Guid> HandleAsync(Person person, PortalSpace space, string? remoteAddress, CancellationToken cancellationToken)
    {
        var session = new PersonSession { PersonId = person.Id, Space = space, StartedAt = clock.GetUtcNow() };
        db.PersonSessions.Add(session);
        audit.Record(person.Email, AuditEvents.PersonSignedIn, null, person.Email, remoteAddress: remoteAddress, detail: space.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }
}
