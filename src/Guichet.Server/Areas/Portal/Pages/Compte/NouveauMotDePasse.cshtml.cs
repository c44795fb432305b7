using Guichet.Application.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.Portal.Pages.Compte;

public sealed class NouveauMotDePasseModel(ResetPassword reset) : PortalPageModel
{
    [BindProperty(SupportsGet = true, Name = "jeton")]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? PasswordConfirmation { get; set; }

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await reset.HandleAsync(Token, Password, PasswordConfirmation, cancellationToken);
        if (!result.Succeeded)
        {
            ShowErrors(result.Errors);
            return Page();
        }

        await HttpContext.SignOutAsync(PortalClaims.Scheme);
        Done = true;
        return Page();
    }
}
