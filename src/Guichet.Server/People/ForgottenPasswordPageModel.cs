using Guichet.Application.People;
using Guichet.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Guichet.Server.People;

/// <summary>"Récupérer mon mot de passe" (the sign-in page: "Mot de passe perdu ? Récupérer mon mot de passe") (partial
/// <c>_ForgottenPassword</c>): the link leads back to this space.</summary>
public abstract class ForgottenPasswordPageModel(PersonSpace space, RequestPasswordReset reset) : PersonPageModel(space)
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    /// <summary>"1 heure": how long the link is valid, as configured (<c>Portal:PasswordResetLifetime</c>).</summary>
    public string LinkLifetime =>
        FrenchFormat.Lifetime(HttpContext.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value.PasswordResetLifetime);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // An empty field is a typing slip, not an address: say so rather than "Si un compte existe…" (review §3.3).
        if (string.IsNullOrWhiteSpace(Email))
        {
            ShowErrors([PeopleErrors.EmailRequired(nameof(Email))]);
            return Page();
        }

        await reset.HandleAsync(Email, Links, RemoteAddress, cancellationToken);
        Sent = true;
        return Page();
    }
}
