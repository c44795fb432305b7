using Guichet.Application.Companies;
using Guichet.Domain.Companies;
using Guichet.Server.People;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.Portal;

/// <summary>The header's list of the person's companies: switch between them, and reach "Gérer les utilisateurs" where administrator.</summary>
public sealed class CompanyMenuViewComponent(CompanyQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var personId = HttpContext.User.PersonId();
        var active = personId == Guid.Empty
            ? []
            : (await queries.MembershipsAsync(personId, HttpContext.RequestAborted)).Where(m => m.Status == MembershipStatus.Active).ToList();
        return View(active);
    }
}
