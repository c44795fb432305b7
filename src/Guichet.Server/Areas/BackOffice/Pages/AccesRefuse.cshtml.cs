using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Server.Areas.BackOffice.Pages;

/// <summary>Where a signed-in agent lands on a page for staff administrators: answered 403, never 200.</summary>
public sealed class AccesRefuseModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
