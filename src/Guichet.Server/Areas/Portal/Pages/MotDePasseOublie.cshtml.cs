using Guichet.Application.People;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.Portal.Pages;

public sealed class MotDePasseOublieModel(RequestPasswordReset reset) : PortalPageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await reset.HandleAsync(Email, Links, cancellationToken);
        Sent = true;
        return Page();
    }
}
