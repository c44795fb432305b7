using Guichet.Application.People;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.People;

/// <summary>
/// "Changer mon mot de passe" from "Mon compte" (partial <c>_ChangePassword</c>): the current password behind the
/// sign-in's brake, the new one twice with the policy sentence (<see cref="PersonPageModel.PasswordPolicySentence"/>).
/// This session stays signed in; the others end.
/// </summary>
public abstract class ChangePasswordPageModel(PersonSpace space, ChangePassword change) : PersonPageModel(space)
{
    public const string ChangedMessage =
        "Votre mot de passe a été modifié. Vos autres sessions ont été fermées et un email de confirmation vous a été envoyé.";

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

        await RenewCookieAsync(result.Value);
        TempData[nameof(AccountPageModel.Message)] = ChangedMessage;
        return RedirectToPage(Space.Pages.Account);
    }
}
