using Guichet.Application.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.People;

/// <summary>Where the lost-password link lands (partial <c>_NewPassword</c>).</summary>
public abstract class NewPasswordPageModel(PersonSpace space, ResetPassword reset) : PersonPageModel(space)
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
        var result = await reset.HandleAsync(Token, Password, PasswordConfirmation, Links, RemoteAddress, cancellationToken);
        if (!result.Succeeded)
        {
            ShowErrors(result.Errors);
            return Page();
        }

        // The new stamp ends every session, in both spaces; this one's cookie goes at once.
        await HttpContext.SignOutAsync(Space.Scheme);
        Done = true;
        return Page();
    }
}
