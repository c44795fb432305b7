using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Server.Areas.BackOffice.Pages;

/// <summary>Placeholder of the staff sign-in (password and TOTP), where every unauthenticated back-office request lands.</summary>
public sealed class ConnexionModel : PageModel
{
    public void OnGet()
    {
    }
}
