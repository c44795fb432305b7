using Guichet.Application.Companies;
using Guichet.Domain.Companies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.Portal.Pages.Entreprises;

/// <summary>"Gérer les utilisateurs": the policy lets the company's administrators in; the use case checks every action again.</summary>
[Authorize(Policy = PortalPolicies.CompanyAdministrator)]
public sealed class UtilisateursModel(
    ApproveAccessRequest approve,
    RefuseAccessRequest refuse,
    RevokeMembership revoke,
    AppointAdministrator appoint,
    CompanyQueries queries) : PortalPageModel
{
    public CompanySummary? Company { get; private set; }

    public IReadOnlyList<CompanyMember> Members { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    /// <summary>The button pressed; each one is a use case of its own.</summary>
    public enum Decision
    {
        Approve,
        Refuse,
        Revoke,
        MakeAdministrator,
    }

    public static IEnumerable<(Decision Decision, string Label, string Style)> ActionsFor(CompanyMember member) => member switch
    {
        { Status: MembershipStatus.Pending } => [(Decision.Approve, "Accepter", string.Empty), (Decision.Refuse, "Refuser", "danger")],
        { Status: MembershipStatus.Active, Role: MembershipRole.Member } =>
            [(Decision.MakeAdministrator, "Nommer administrateur", "secondaire"), (Decision.Revoke, "Retirer l'accès", "danger")],
        { Status: MembershipStatus.Active } => [(Decision.Revoke, "Retirer l'accès", "danger")],
        _ => [],
    };

    public async Task<IActionResult> OnGetAsync(Guid companyId, CancellationToken cancellationToken) =>
        await LoadAsync(companyId, cancellationToken) ? Page() : NotFound();

    /// <summary>
    /// A post without a known decision (a forged or truncated form) changes nothing: a missing enum would otherwise bind
    /// to its first value, Approve.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(Guid companyId, Guid membershipId, Decision? decision, CancellationToken cancellationToken)
    {
        if (decision is not { } chosen || !Enum.IsDefined(chosen) || !ModelState.IsValid)
        {
            ModelState.Clear();
            ShowErrors([CompanyErrors.NoDecision]);
            return await LoadAsync(companyId, cancellationToken) ? Page() : NotFound();
        }

        var actor = new CompanyActor.Administrator(PersonId);
        var result = decision switch
        {
            Decision.Approve => await approve.HandleAsync(actor, companyId, membershipId, Links, cancellationToken),
            Decision.Refuse => await refuse.HandleAsync(actor, companyId, membershipId, Links, cancellationToken),
            Decision.Revoke => await revoke.HandleAsync(actor, companyId, membershipId, Links, cancellationToken),
            Decision.MakeAdministrator => await appoint.HandleAsync(actor, companyId, membershipId, Links, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(decision)),
        };
        if (!result.Succeeded)
        {
            ShowErrors(result.Errors);
            return await LoadAsync(companyId, cancellationToken) ? Page() : NotFound();
        }

        if (decision == Decision.Revoke && result.Value.PersonId == PersonId)
        {
            // The page is no longer theirs: home says where they stand now (another company's tools, or adding one).
            Message = $"Vous n'avez plus accès à {result.Value.Company!.Name}.";
            return RedirectToPage(PortalPages.Home);
        }

        Message = decision switch
        {
            Decision.Approve => $"Accès accordé à {result.Value.Person!.DisplayName}.",
            Decision.Refuse => $"Demande de {result.Value.Person!.DisplayName} refusée.",
            Decision.Revoke => $"Accès de {result.Value.Person!.DisplayName} retiré.",
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
