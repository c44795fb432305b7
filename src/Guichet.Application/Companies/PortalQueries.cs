using Guichet.Application.People;
using Guichet.Data;
using Guichet.Domain.Companies;
using Guichet.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Guichet.Application.Companies;

/// <summary>What the portal's pages show; every query is scoped to the signed-in person.</summary>
public sealed class PortalQueries(GuichetDbContext db, IOptions<PortalOptions> options)
{
    public Task<Person?> PersonAsync(Guid personId, CancellationToken cancellationToken) =>
        db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);

    public Task<List<Membership>> MembershipsAsync(Guid personId, CancellationToken cancellationToken) =>
        db.Memberships.AsNoTracking().Include(m => m.Company)
            .Where(m => m.PersonId == personId && (m.Status == MembershipStatus.Active || m.Status == MembershipStatus.Pending))
            .OrderBy(m => m.Company!.Name)
            .ToListAsync(cancellationToken);

    /// <summary>The company's members and requests; the caller has checked the person administers it.</summary>
    public Task<List<Membership>> CompanyMembersAsync(Guid companyId, CancellationToken cancellationToken) =>
        db.Memberships.AsNoTracking().Include(m => m.Person)
            .Where(m => m.CompanyId == companyId && (m.Status == MembershipStatus.Active || m.Status == MembershipStatus.Pending))
            .OrderBy(m => m.Status).ThenBy(m => m.Person!.LastName)
            .ToListAsync(cancellationToken);

    public Task<Company?> CompanyAsync(Guid companyId, CancellationToken cancellationToken) =>
        db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == companyId, cancellationToken);

    /// <summary>Contributions-only persons (chartered accountants, training contributions) see only the tools meant for them.</summary>
    public IReadOnlyList<ToolLink> ToolsFor(Person person) =>
        options.Value.Tools.Where(t => !person.ContributionsOnly || t.ForContributionsOnly).ToList();
}
