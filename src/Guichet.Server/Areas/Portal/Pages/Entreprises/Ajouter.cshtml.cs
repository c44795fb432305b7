using Guichet.Application.Companies;
using Guichet.Domain.Companies;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.Portal.Pages.Entreprises;

/// <summary>Add a company by SIREN and member code; lists pending requests with "Relancer ma demande".</summary>
public sealed class AjouterModel(AddCompany addCompany, RemindAccessRequest remind, CompanyQueries queries) : PortalPageModel
{
    [BindProperty]
    public string? Siren { get; set; }

    [BindProperty]
    public string? MemberCode { get; set; }

    [TempData]
    public string? Message { get; set; }

    /// <summary>
    /// "Votre compte est activé. Vous allez être redirigé.": shown on this page only. Not TempData: the page renders
    /// instead of redirecting, so a TempData value would survive and show up again on a later page (review B1).
    /// </summary>
    public string? Notice { get; private set; }

    public string? RedirectTo { get; private set; }

    public IReadOnlyList<PersonMembership> Pending { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var result = await addCompany.HandleAsync(PersonId, Siren, MemberCode, Links, cancellationToken);
        if (!result.Succeeded)
        {
            ShowErrors(result.Errors);
            await LoadAsync(cancellationToken);
            return Page();
        }

        if (result.Value.Outcome == AddCompanyOutcome.BecameAdministrator)
        {
            Notice = "Votre compte est activé. Vous allez être redirigé.";
            RedirectTo = Url.Page(PortalPages.Company, new { companyId = result.Value.Company.Id });
            await LoadAsync(cancellationToken);
            return Page();
        }

        Message = "Une demande d'accès a été envoyée à/aux l'administrateur(s) de cette entreprise.";
        return RedirectToPage(PortalPages.AddCompany);
    }

    public async Task<IActionResult> OnPostRemindAsync(Guid membershipId, CancellationToken cancellationToken)
    {
        var result = await remind.HandleAsync(PersonId, membershipId, Links, cancellationToken);
        Message = result.Succeeded ? "Votre demande a été relancée auprès des administrateurs de l'entreprise." : result.Errors[0].Message;
        return RedirectToPage(PortalPages.AddCompany);
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Pending = (await queries.MembershipsAsync(PersonId, cancellationToken)).Where(m => m.Status == MembershipStatus.Pending).ToList();
}
