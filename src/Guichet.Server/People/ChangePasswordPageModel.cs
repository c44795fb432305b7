using Guichet.Application.People;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.People;

/// <summary>
/// A person's own password change (partial <c>_ChangePassword</c>): the current password behind the sign-in's brake, the
/// new one twice with the policy sentence (<see cref="PersonPageModel.PasswordPolicySentence"/>); this session stays
/// signed in, the others end. Two pages of each space use it: "Changer mon mot de passe" from "Mon compte", which leads
/// back there, and, with <paramref name="expired"/>, the forced change of an expired password ("Votre mot de passe a
/// expiré"), which leads on to the space's home. <see cref="ExpiredPasswordFilter"/> decides who sees which.
/// </summary>
public abstract class ChangePasswordPageModel(PersonSpace space, ChangePassword change, bool expired = false) : PersonPageModel(space)
{
    public const string ChangedMessage =
        "Votre mot de passe a été modifié. Vos autres sessions ont été fermées et un email de confirmation vous a été envoyé.";

    /// <summary>The forced change of an expired password, rather than the voluntary one.</summary>
    public bool Expired => expired;

    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? PasswordConfirmation { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await change.HandleAsync(PersonId, CurrentPassword, Password, PasswordConfirmation, Links, RemoteAddress, cancellationToken);
        if (!result.Succeeded)
        {
            ShowErrors(result.Errors);
            return Page();
        }

        // The stamp changed: a fresh cookie of the same session, no longer marked expired (its lifetime still runs from the
        // sign-in); the other sessions are closed.
        await RenewCookieAsync(result.Value);
        if (expired)
        {
            return RedirectToPage(Space.Pages.Home);
        }

        TempData[nameof(AccountPageModel.Message)] = ChangedMessage;
        return RedirectToPage(Space.Pages.Account);
    }
}
