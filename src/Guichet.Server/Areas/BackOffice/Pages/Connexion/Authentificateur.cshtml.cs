using Guichet.Application.Staff;
using Guichet.Domain.Staff;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.BackOffice.Pages.Connexion;

/// <summary>
/// Enrolling the authenticator (first sign-in, or after a reset): the QR code and the key as text; the first code
/// confirms it, opens the session and shows the ten recovery codes, once, in the answer itself (never stored).
/// </summary>
public sealed class AuthentificateurModel(BeginTotpEnrolment begin, ConfirmTotpEnrolment confirm) : PendingSignInPageModel
{
    [BindProperty]
    public string? Code { get; set; }

    /// <summary>The new secret (a visit shows a new one; the last one shown is the one to confirm).</summary>
    public TotpEnrolment? Enrolment { get; private set; }

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    /// <summary>Where "J'ai noté mes codes" leads: the page asked for before the sign-in, or the dashboard.</summary>
    public string Continue { get; private set; } = BackOfficePages.PathBase;

    protected override StaffNextStep Step => StaffNextStep.EnrolTotp;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await begin.HandleAsync(StaffId, cancellationToken);
        if (!result.Succeeded)
        {
            return await RestartOrShowAsync(result) ?? Page();
        }

        KeepOutOfCaches();
        Enrolment = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await confirm.HandleAsync(StaffId, Code, RemoteAddress, cancellationToken);
        Code = null;
        if (!result.Succeeded)
        {
            return await RestartOrShowAsync(result) ?? Page();
        }

        KeepOutOfCaches();
        RecoveryCodes = result.Value.RecoveryCodes;
        Continue = await CompleteAsync(result.Value.Session);
        return Page();
    }
}
