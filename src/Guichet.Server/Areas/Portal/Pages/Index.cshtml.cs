using Guichet.Application.Companies;
using Guichet.Domain.Companies;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.Portal.Pages;

/// <summary>Home: the tools when the person has an active company, otherwise "add a company" (seed 001).</summary>
public sealed class IndexModel(CompanyQueries queries) : PortalPageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var memberships = await queries.MembershipsAsync(PersonId, cancellationToken);
        return RedirectToPage(memberships.Any(m => m.Status == MembershipStatus.Active) ? PortalPages.Tools : PortalPages.AddCompany);
    }
}
