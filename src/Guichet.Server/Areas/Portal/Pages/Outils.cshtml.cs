using Guichet.Application.Portal;
using Guichet.Domain.Portal;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.Portal.Pages;

public sealed class OutilsModel(PortalQueries queries) : PortalPageModel
{
    public IReadOnlyList<ToolLink> Tools { get; private set; } = [];

    public IReadOnlyList<Membership> Companies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var person = await queries.PersonAsync(PersonId, cancellationToken);
        if (person is null)
        {
            return RedirectToPage(PortalPages.SignIn);
        }

        Companies = (await queries.MembershipsAsync(person.Id, cancellationToken)).Where(m => m.Status == MembershipStatus.Active).ToList();
        if (Companies.Count == 0)
        {
            return RedirectToPage(PortalPages.AddCompany);
        }

        Tools = queries.ToolsFor(person);
        return Page();
    }
}
