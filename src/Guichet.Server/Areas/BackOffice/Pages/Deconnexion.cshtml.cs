using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Server.Areas.BackOffice.Pages;

public sealed class DeconnexionModel : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(BackOfficeClaims.Scheme);
        await HttpContext.SignOutAsync(PendingSignIn.Scheme);
        return RedirectToPage(BackOfficePages.SignIn);
    }
}
