using Guichet.Application.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.BackOffice.Pages;

public sealed class DeconnexionModel(SignOutStaff signOut) : BackOfficePageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await signOut.HandleAsync(StaffId, RemoteAddress, cancellationToken);
        await HttpContext.SignOutAsync(BackOfficeClaims.Scheme);
        await HttpContext.SignOutAsync(PendingSignIn.Scheme);
        return RedirectToPage(BackOfficePages.SignIn);
    }
}
