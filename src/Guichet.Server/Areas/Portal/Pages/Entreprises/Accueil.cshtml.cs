using Guichet.Application.Companies;
using Guichet.Domain.Companies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.Portal.Pages.Entreprises;

/// <summary>A company's home, for its active members only (the policy checks the route's company).</summary>
[Authorize(Policy = PortalPolicies.CompanyMember)]
public sealed class AccueilModel(CompanyQueries queries) : PortalPageModel
{
    public CompanySummary? Company { get; private set; }

    public bool IsAdministrator { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid companyId, CancellationToken cancellationToken)
    {
        var membership = (await queries.MembershipsAsync(PersonId, cancellationToken))
            .SingleOrDefault(m => m.CompanyId == companyId && m.Status == MembershipStatus.Active);
        if (membership is null)
        {
            return NotFound();
        }

        Company = membership.Company;
        IsAdministrator = membership.Role == MembershipRole.Administrator;
        return Page();
    }
}
