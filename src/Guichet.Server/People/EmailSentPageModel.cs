using Guichet.Application.People;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.People;

/// <summary>The page after "Créer un compte" (partial <c>_EmailSent</c>), with "Renvoyer à nouveau l'email".</summary>
public abstract class EmailSentPageModel(PersonSpace space, ResendValidationEmail resend) : PersonPageModel(space)
{
    public string? SentTo { get; private set; }

    [TempData]
    public string? Message { get; set; }

    /// <summary>
    /// The address is read once: a later visit of this address (a refresh, the next person at a shared computer) shows no
    /// one's address, and the resend form asks for it (review B13).
    /// </summary>
    public void OnGet() => SentTo = TempData["SentTo"] as string;

    public async Task<IActionResult> OnPostResendAsync(string? email, CancellationToken cancellationToken)
    {
        await resend.HandleAsync(email, Links, RemoteAddress, cancellationToken);
        TempData["SentTo"] = email;
        Message = "Un nouveau message de validation a été envoyé sur votre email. Seul le lien de ce dernier mail fonctionne.";
        return RedirectToPage(Space.Pages.ValidationEmailSent);
    }
}
