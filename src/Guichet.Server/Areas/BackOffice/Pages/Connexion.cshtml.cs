using Guichet.Application.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.BackOffice.Pages;

/// <summary>
/// The staff sign-in's first step, where every unauthenticated back-office request lands: a right password opens no
/// session, only the pending cookie of the next step (new password, authenticator or code).
/// </summary>
public sealed class ConnexionModel(SignInStaff signIn) : BackOfficePageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true, Name = "retour")]
    public string? ReturnUrl { get; set; }

    [TempData]
    public string? Message { get; set; }

    public void OnGet() => ReturnUrl = PendingSignIn.AllowedReturnUrl(ReturnUrl);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ReturnUrl = PendingSignIn.AllowedReturnUrl(ReturnUrl);
        var result = await signIn.HandleAsync(Email, Password, RemoteAddress, cancellationToken);
        Password = null;
        if (!result.Succeeded)
        {
            ShowErrors(result.Errors);
            return Page();
        }

        var step = result.Value;
        await HttpContext.SignOutAsync(BackOfficeClaims.Scheme);
        await HttpContext.SignInAsync(PendingSignIn.Scheme, PendingSignIn.For(step.StaffId, step.SecurityStamp, step.Next, ReturnUrl));
        return RedirectToPage(PendingSignInPageModel.PageOf(step.Next));
    }
}
