using Guichet.Application.People;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.People;

/// <summary>The forced change of an expired password (partial <c>_ExpiredPassword</c>); <see cref="ExpiredPasswordFilter"/> leads here.</summary>
public abstract class ExpiredPasswordPageModel(PersonSpace space, ChangePassword change) : PersonPageModel(space)
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
        var result = await change.HandleAsync(PersonId, CurrentPassword, Password, PasswordConfirmation, Links, RemoteAddress, cancellationToken);
        if (!result.Succeeded)
        {
            ShowErrors(result.Errors);
            return Page();
        }

        // The stamp changed: a fresh cookie of the same session (its lifetime still runs from the sign-in); other
        // sessions are closed.
        await RenewCookieAsync(result.Value);
        return RedirectToPage(Space.Pages.Home);
    }
}
