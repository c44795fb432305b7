using Guichet.Application.Portal;
using Guichet.Domain.Portal;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.Portal.Pages.Entreprises;

/// <summary>"Gérer les utilisateurs": the policy lets the company's administrators in; the use case checks every action again.</summary>
[Authorize(Policy = PortalPolicies.CompanyAdministrator)]
public sealed class UtilisateursModel(CompanyAdministration administration, PortalQueries queries) : PortalPageModel
{
    public Company? Company { get; private set; }

    public IReadOnlyList<Membership> Members { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public static IEnumerable<(MembershipDecision Decision, string Label, string Style)> ActionsFor(Membership member) => member switch
    {
        { Status: MembershipStatus.Pending } => [(MembershipDecision.Approve, "Accepter", string.Empty), (MembershipDecision.Refuse, "Refuser", "danger")],
        { Status: MembershipStatus.Active, Role: MembershipRole.Member } => [(MembershipDecision.MakeAdministrator, "Nommer administrateur", "secondaire"), (MembershipDecision.Revoke, "Retirer l'accès", "danger")],
        { Status: MembershipStatus.Active } => [(MembershipDecision.Revoke, "Retirer l'accès", "danger")],
        _ => [],
    };

    public async Task<IActionResult> OnGetAsync(Guid companyId, CancellationToken cancellationToken) =>
        await LoadAsync(companyId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid companyId, Guid membershipId, MembershipDecision decision, CancellationToken cancellationToken)
    {
        var result = await administration.DecideAsync(PersonId, companyId, membershipId, decision, Links, cancellationToken);
        if (!result.Succeeded)
        {
            ShowErrors(result.Errors);
            return await LoadAsync(companyId, cancellationToken) ? Page() : NotFound();
        }

        Message = decision switch
        {
            MembershipDecision.Approve => $"Accès accordé à {result.Value.Person!.DisplayName}.",
            MembershipDecision.Refuse => $"Demande de {result.Value.Person!.DisplayName} refusée.",
            MembershipDecision.Revoke => $"Accès de {result.Value.Person!.DisplayName} retiré.",
            _ => $"{result.Value.Person!.DisplayName} est maintenant administrateur.",
        };
        return RedirectToPage(PortalPages.CompanyUsers, new { companyId });
    }

    private async Task<bool> LoadAsync(Guid companyId, CancellationToken cancellationToken)
    {
        Company = await queries.CompanyAsync(companyId, cancellationToken);
        Members = await queries.CompanyMembersAsync(companyId, cancellationToken);
        return Company is not null;
    }
}
