using Guichet.Data;
using Guichet.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Guichet.Application.People;

/// <summary>What a page shows of a signed-in person.</summary>
public sealed record PersonSummary(Guid Id, string Email, string DisplayName, bool ContributionsOnly);

/// <summary>What "Mon compte" shows and lets the person change, with the version it is saved against.</summary>
public sealed record PersonAccount(string Email, string FirstName, string LastName, bool ContributionsOnly, Guid Version);

/// <summary>A standing session: the stamp its person has now, and when it started (the absolute lifetime runs from there).</summary>
public sealed record SessionState(Guid SecurityStamp, DateTimeOffset StartedAt);

/// <summary>What the portal's pages read about people; every query is scoped to the signed-in person.</summary>
public sealed class PeopleQueries(GuichetDbContext db, IOptions<PortalOptions> options)
{
    public async Task<PersonSummary?> PersonAsync(Guid personId, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new { p.Id, p.Email, p.FirstName, p.LastName, p.ContributionsOnly })
            .SingleOrDefaultAsync(cancellationToken);
        return person is null
            ? null
            : new PersonSummary(person.Id, person.Email, Person.DisplayNameOf(person.FirstName, person.LastName), person.ContributionsOnly);
    }

    public Task<PersonAccount?> AccountAsync(Guid personId, CancellationToken cancellationToken) =>
        db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new PersonAccount(p.Email, p.FirstName, p.LastName, p.ContributionsOnly, p.Version))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// What every request of a signed-in person checks, in one query: the session still stands (not ended, of this person
    /// and space) and the person's stamp, which changes with the password and so ends every session.
    /// </summary>
    public Task<SessionState?> SessionAsync(Guid personId, Guid sessionId, PortalSpace space, CancellationToken cancellationToken) =>
        db.PersonSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.PersonId == personId && s.Space == space && s.EndedAt == null)
            .Join(db.People, s => s.PersonId, p => p.Id, (s, p) => new SessionState(p.SecurityStamp, s.StartedAt))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>Contributions-only persons (chartered accountants, training contributions) see only the tools meant for them.</summary>
    public IReadOnlyList<ToolLink> ToolsFor(PersonSummary person) =>
        options.Value.Tools.Where(t => !person.ContributionsOnly || t.ForContributionsOnly).ToList();
}
