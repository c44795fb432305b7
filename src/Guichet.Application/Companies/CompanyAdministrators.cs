using Guichet.Data;
using Guichet.Domain.Companies;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Companies;

/// <summary>Who administers a company (active administrators only): every page and decision of the company asks this.</summary>
public sealed class CompanyAdministrators(GuichetDbContext db)
{
    public Task<bool> IncludesAsync(Guid personId, Guid companyId, CancellationToken cancellationToken) =>
        db.Memberships.Where(Membership.ActiveAdministrator).AnyAsync(m => m.PersonId == personId && m.CompanyId == companyId, cancellationToken);

    /// <summary>Where access requests and their reminders are sent.</summary>
    public Task<List<string>> EmailsAsync(Guid companyId, CancellationToken cancellationToken) =>
        db.Memberships.Where(Membership.ActiveAdministrator).Where(m => m.CompanyId == companyId)
            .Select(m => m.Person!.Email)
            .ToListAsync(cancellationToken);

    public Task<int> CountAsync(Guid companyId, CancellationToken cancellationToken) =>
        db.Memberships.Where(Membership.ActiveAdministrator).CountAsync(m => m.CompanyId == companyId, cancellationToken);
}
