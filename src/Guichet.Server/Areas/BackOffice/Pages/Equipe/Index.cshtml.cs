using Guichet.Application.Staff;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.BackOffice.Pages.Equipe;

/// <summary>The staff list (administrators only): who, which role, authenticator, state, last sign-in.</summary>
public sealed class IndexModel(ListStaffMembers list) : BackOfficePageModel
{
    public IReadOnlyList<StaffMemberSummary> Members { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Members = await list.HandleAsync(cancellationToken);

    public static string StateOf(StaffMemberSummary member) =>
        member.Disabled ? "Désactivé"
        : member.MustChangePassword ? "Première connexion à faire"
        : !member.TotpConfirmed ? "Application d'authentification à activer"
        : "Actif";
}
