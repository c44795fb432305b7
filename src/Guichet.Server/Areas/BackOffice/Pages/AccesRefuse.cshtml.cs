using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Server.Areas.BackOffice.Pages;

/// <summary>Where a signed-in agent lands on a page for staff administrators.</summary>
public sealed class AccesRefuseModel : PageModel
{
    public void OnGet()
    {
    }
}
