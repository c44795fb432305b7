using Guichet.Application.Staff;
using Guichet.Domain.Staff;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.BackOffice.Pages.Connexion;

/// <summary>Every later sign-in's second step: the authenticator's code, or a recovery code.</summary>
public sealed class CodeModel(VerifyStaffSecondFactor verify) : PendingSignInPageModel
{
    [BindProperty]
    public string? Code { get; set; }

    /// <summary>The form asks for a recovery code (the use case recognises either kind; only the label changes).</summary>
    [BindProperty(SupportsGet = true, Name = "secours")]
    public bool Recovery { get; set; }

    protected override StaffNextStep Step => StaffNextStep.EnterCode;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await verify.HandleAsync(StaffId, Code, RemoteAddress, cancellationToken);
        Code = null;
        if (!result.Succeeded)
        {
            return await RestartOrShowAsync(result) ?? Page();
        }

        return LocalRedirect(await CompleteAsync(result.Value.Session));
    }
}
