using Guichet.Application.Companies;
using Guichet.Domain.Companies;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.Portal.Pages.Compte;

/// <summary>
/// The confirmation step of "Quitter cette entreprise" and "Annuler ma demande" (no script: the link of "Mon compte" opens
/// this page, whose button posts). Only the person's own access or request is found; anything else is the 404 page.
/// </summary>
public sealed class QuitterModel(LeaveCompany leave, CompanyQueries companies) : PortalPageModel
{
    public PersonMembership? Membership { get; private set; }

    public bool Pending => Membership?.Status == MembershipStatus.Pending;

    public async Task<IActionResult> OnGetAsync(Guid companyId, CancellationToken cancellationToken)
    {
        Membership = await FindAsync(companyId, cancellationToken);
        return Membership is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid companyId, CancellationToken cancellationToken)
    {
        var before = await FindAsync(companyId, cancellationToken);
        var result = await leave.HandleAsync(PersonId, companyId, cancellationToken);
        if (!result.Succeeded)
        {
            ShowErrors(result.Errors);
            Membership = await FindAsync(companyId, cancellationToken);
            return Page();
        }

        TempData["Message"] = before?.Status == MembershipStatus.Pending
            ? $"Votre demande d'accès à {result.Value.Company!.Name} est annulée."
            : $"Vous avez quitté l'entreprise {result.Value.Company!.Name}.";
        return RedirectToPage(PortalPages.Account);
    }

    private async Task<PersonMembership?> FindAsync(Guid companyId, CancellationToken cancellationToken) =>
        (await companies.MembershipsAsync(PersonId, cancellationToken)).FirstOrDefault(m => m.CompanyId == companyId);
}
