using Guichet.Data;
using Guichet.Domain.Companies;
using Guichet.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Companies;

/// <summary>A person linked to a company; <paramref name="Since"/>: the request for a pending one, the decision for the others.</summary>
public sealed record DirectoryMember(Guid MembershipId, string DisplayName, string Email, MembershipStatus Status, MembershipRole Role,
    DateTimeOffset Since)
{
    public bool IsAdministrator => Status == MembershipStatus.Active && Role == MembershipRole.Administrator;
}

/// <summary>A company of the directory as the back office sees it: its administrators, members and pending requests.</summary>
public sealed record DirectoryCompany(Guid Id, string Siren, string MemberCode, string Name, IReadOnlyList<DirectoryMember> Administrators,
    IReadOnlyList<DirectoryMember> Members, IReadOnlyList<DirectoryMember> Pending);

/// <summary>One company of the member directory with the people linked to it (refused and revoked ones left out).</summary>
public sealed class GetDirectoryCompany(GuichetDbContext db)
{
    public async Task<DirectoryCompany?> HandleAsync(Guid companyId, CancellationToken cancellationToken)
    {
        var company = await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == companyId, cancellationToken);
        if (company is null)
        {
            return null;
        }

        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.CompanyId == companyId && (m.Status == MembershipStatus.Active || m.Status == MembershipStatus.Pending))
            .OrderBy(m => m.Person!.LastName).ThenBy(m => m.Person!.FirstName).ThenBy(m => m.Person!.Email)
            .Select(m => new { m.Id, m.Person!.FirstName, m.Person.LastName, m.Person.Email, m.Status, m.Role, m.RequestedAt, m.DecidedAt })
            .ToListAsync(cancellationToken);
        var members = rows.Select(m => new DirectoryMember(m.Id, Person.DisplayNameOf(m.FirstName, m.LastName), m.Email, m.Status, m.Role,
            m.Status == MembershipStatus.Pending ? m.RequestedAt : m.DecidedAt ?? m.RequestedAt)).ToList();
        return new DirectoryCompany(company.Id, company.Siren, company.MemberCode, company.Name,
            [.. members.Where(m => m.IsAdministrator)],
            [.. members.Where(m => m.Status == MembershipStatus.Active && !m.IsAdministrator)],
            [.. members.Where(m => m.Status == MembershipStatus.Pending)]);
    }
}
