using Guichet.Application.Companies;
using Guichet.Domain.Common;
using Guichet.Server.Areas.Portal;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.BackOffice.Pages.Annuaire;

/// <summary>
/// One company of the directory: its administrators, members and pending requests, and the staff's two ways of stepping
/// in, through the portal's own use cases with a staff actor: appoint an administrator where there is none, revoke an
/// access. A refused action (the page was out of date, another click won) shows the company as it is now.
/// </summary>
public sealed class EntrepriseModel(GetDirectoryCompany getCompany, AppointAdministrator appoint, RevokeMembership revoke) : BackOfficePageModel
{
    public const string MembershipField = "acces";

    public DirectoryCompany Company { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    /// <summary>Why the action was not applied.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid companyId, CancellationToken cancellationToken) =>
        await LoadAsync(companyId, cancellationToken) ? Page() : NotFound();

    /// <summary>"Nommer administrateur": offered where the company has no administrator.</summary>
    public async Task<IActionResult> OnPostNommerAsync(Guid companyId, [FromForm(Name = MembershipField)] Guid membershipId,
        CancellationToken cancellationToken)
    {
        var result = await appoint.HandleAsync(new CompanyActor.Staff(FilesActor), companyId, membershipId, PortalEmailLinks.For(HttpContext),
            cancellationToken);
        return await DoneAsync(companyId, result, person => $"{person} est maintenant administrateur de l'entreprise.", cancellationToken);
    }

    /// <summary>"Retirer l'accès" of an active member or administrator.</summary>
    public async Task<IActionResult> OnPostRetirerAsync(Guid companyId, [FromForm(Name = MembershipField)] Guid membershipId,
        CancellationToken cancellationToken)
    {
        var result = await revoke.HandleAsync(new CompanyActor.Staff(FilesActor), companyId, membershipId, PortalEmailLinks.For(HttpContext),
            cancellationToken);
        return await DoneAsync(companyId, result, person => $"Accès de {person} retiré.", cancellationToken);
    }

    private async Task<IActionResult> DoneAsync(Guid companyId, Result<Domain.Companies.Membership> result, Func<string, string> success,
        CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            Message = success(result.Value.Person!.DisplayName);
            return RedirectToPage(BackOfficePages.DirectoryCompany, new { companyId });
        }

        Refusal = string.Join(" ", result.Errors.Select(e => e.Message));
        return await LoadAsync(companyId, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid companyId, CancellationToken cancellationToken)
    {
        if (await getCompany.HandleAsync(companyId, cancellationToken) is not { } company)
        {
            return false;
        }

        Company = company;
        return true;
    }
}
