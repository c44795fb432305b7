using Guichet.Application.People;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.People;

/// <summary>"Mot de passe oublié" (partial <c>_ForgottenPassword</c>): the link leads back to this space.</summary>
public abstract class ForgottenPasswordPageModel(PersonSpace space, RequestPasswordReset reset) : PersonPageModel(space)
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
