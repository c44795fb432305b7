using Guichet.Application.Companies;
using Guichet.Application.People;
using Guichet.Domain.Companies;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.Portal.Pages;

public sealed class OutilsModel(PeopleQueries people, CompanyQueries queries) : PortalPageModel
{
    public IReadOnlyList<ToolLink> Tools { get; private set; } = [];

    public IReadOnlyList<PersonMembership> Companies { get; private set; } = [];

    /// <summary>Left by the page that sent the person here (e.g. after removing their own access to a company).</summary>
    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var person = await people.PersonAsync(PersonId, cancellationToken);
        if (person is null)
        {
            return RedirectToPage(PortalPages.SignIn);
        }

        Companies = (await queries.MembershipsAsync(person.Id, cancellationToken)).Where(m => m.Status == MembershipStatus.Active).ToList();
        if (Companies.Count == 0)
        {
            return RedirectToPage(PortalPages.AddCompany);
        }

        Tools = people.ToolsFor(person);
        return Page();
    }
}
