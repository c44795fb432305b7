using Guichet.Application.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.People;

/// <summary>
/// "Se déconnecter" (partial <c>_SignOut</c>): ends the session of this space only, the other space's stays; on the
/// server too, so that a copy of the cookie taken before opens nothing afterwards.
/// </summary>
public abstract class SignOutPageModel(PersonSpace space, EndPersonSession endSession) : PersonPageModel(space)
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await endSession.HandleAsync(PersonId, User.SessionId(), RemoteAddress, cancellationToken);
        await HttpContext.SignOutAsync(Space.Scheme);
        TempData["Message"] = "Vous êtes déconnecté.";
        return RedirectToPage(Space.Pages.SignIn);
    }
}
