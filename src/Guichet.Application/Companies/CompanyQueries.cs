using Guichet.Data;
using Guichet.Domain.Companies;
using Guichet.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Companies;

public sealed record CompanySummary(Guid Id, string Siren, string Name);

/// <summary>One of the signed-in person's memberships: an active access or a pending request.</summary>
public sealed record PersonMembership(
    Guid Id,
    Guid CompanyId,
    CompanySummary Company,
    MembershipStatus Status,
    MembershipRole Role,
    DateTimeOffset RequestedAt);

public sealed record MemberPerson(string Email, string DisplayName);

/// <summary>A member or a pending request of a company, as its administrators see it.</summary>
public sealed record CompanyMember(Guid Id, MemberPerson Person, MembershipStatus Status, MembershipRole Role);

/// <summary>What the portal's pages read about companies; every query is scoped to the signed-in person or a company they administer.</summary>
public sealed class CompanyQueries(GuichetDbContext db)
{
    public async Task<IReadOnlyList<PersonMembership>> MembershipsAsync(Guid personId, CancellationToken cancellationToken) =>
        await db.Memberships.AsNoTracking()
            .Where(m => m.PersonId == personId && (m.Status == MembershipStatus.Active || m.Status == MembershipStatus.Pending))
            .OrderBy(m => m.Company!.Name)
            .Select(m => new PersonMembership(m.Id, m.CompanyId, new CompanySummary(m.Company!.Id, m.Company.Siren, m.Company.Name),
                m.Status, m.Role, m.RequestedAt))
            .ToListAsync(cancellationToken);

    /// <summary>The company's members and requests; the caller has checked the person administers it.</summary>
    public async Task<IReadOnlyList<CompanyMember>> CompanyMembersAsync(Guid companyId, CancellationToken cancellationToken)
    {
        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.CompanyId == companyId && (m.Status == MembershipStatus.Active || m.Status == MembershipStatus.Pending))
            .OrderBy(m => m.Status).ThenBy(m => m.Person!.LastName)
            .Select(m => new { m.Id, m.Person!.Email, m.Person.FirstName, m.Person.LastName, m.Status, m.Role })
            .ToListAsync(cancellationToken);
        return members
            .Select(m => new CompanyMember(m.Id, new MemberPerson(m.Email, Person.DisplayNameOf(m.FirstName, m.LastName)), m.Status, m.Role))
            .ToList();
    }

    public Task<CompanySummary?> CompanyAsync(Guid companyId, CancellationToken cancellationToken) =>
        db.Companies.AsNoTracking().Where(c => c.Id == companyId)
            .Select(c => new CompanySummary(c.Id, c.Siren, c.Name))
            .SingleOrDefaultAsync(cancellationToken);
}
