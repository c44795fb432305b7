using Guichet.Application.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.Portal.Pages.Compte;

public sealed class MotDePasseExpireModel(ChangePassword change) : PortalPageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? PasswordConfirmation { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await change.HandleAsync(PersonId, CurrentPassword, Password, PasswordConfirmation, cancellationToken);
        if (!result.Succeeded)
        {
            ShowErrors(result.Errors);
            return Page();
        }

        // The stamp changed: sign in again with a fresh cookie, other sessions are closed.
        await HttpContext.SignInAsync(PortalClaims.Scheme, PortalClaims.For(result.Value, passwordExpired: false));
        return RedirectToPage(PortalPages.Home);
    }
}
