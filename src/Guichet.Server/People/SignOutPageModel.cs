using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.People;

/// <summary>"Se déconnecter" (partial <c>_SignOut</c>): ends the session of this space only; the other space's stays.</summary>
public abstract class SignOutPageModel(PersonSpace space) : PersonPageModel(space)
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(Space.Scheme);
        TempData["Message"] = "Vous êtes déconnecté.";
        return RedirectToPage(Space.Pages.SignIn);
    }
}
