using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.Portal.Pages;

public sealed class DeconnexionModel : PortalPageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(PortalClaims.Scheme);
        TempData["Message"] = "Vous êtes déconnecté.";
        return RedirectToPage(PortalPages.SignIn);
    }
}
