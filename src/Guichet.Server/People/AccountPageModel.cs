using Guichet.Application.People;
using Guichet.Domain.Common;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.People;

/// <summary>
/// "Mon compte" (partial <c>_Account</c>): the email (the login, shown, not changeable), the names and, where the space
/// asks it, the contributions-only choice, saved against the version the page showed; a link to change the password.
/// </summary>
public abstract class AccountPageModel(PersonSpace space, PeopleQueries people, ChangePersonDetails change) : PersonPageModel(space)
{
    public const string SavedMessage = "Vos informations ont été enregistrées.";

    [BindProperty]
    public AccountForm Form { get; set; } = new();

    public string Email { get; private set; } = string.Empty;

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(fillForm: true, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // A space whose form has no "contributions only" box cannot have it changed by a forged post.
        var contributionsOnly = Space.Words.AsksContributionsOnly ? Form.ContributionsOnly : (bool?)null;
        var details = new PersonDetails(Form.Version, Form.FirstName, Form.LastName, contributionsOnly);
        var result = await change.HandleAsync(PersonId, details, RemoteAddress, cancellationToken);
        if (result.Succeeded)
        {
            // The header shows the name the cookie carries.
            await RenewCookieAsync(result.Value);
            Message = SavedMessage;
            return RedirectToPage(Space.Pages.Account);
        }

        // Changed meanwhile: the page shows the details as they are now, with their new version, and says why.
        var stale = result.FailureCode == ErrorCodes.ConcurrentModification;
        if (stale)
        {
            ModelState.Clear();
        }

        ShowErrors(result.Errors, nameof(Form));
        return await LoadAsync(fillForm: stale, cancellationToken) ? Page() : NotFound();
    }

    /// <summary>What a space shows besides the details (the Entreprise space: the person's companies).</summary>
    protected virtual Task LoadMoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<bool> LoadAsync(bool fillForm, CancellationToken cancellationToken)
    {
        var account = await people.AccountAsync(PersonId, cancellationToken);
        if (account is null)
        {
            return false;
        }

        Email = account.Email;
        if (fillForm)
        {
            Form = new AccountForm
            {
                Version = account.Version,
                FirstName = account.FirstName,
                LastName = account.LastName,
                ContributionsOnly = account.ContributionsOnly,
            };
        }

        await LoadMoreAsync(cancellationToken);
        return true;
    }

    public sealed class AccountForm
    {
        public Guid Version { get; set; }

        public string? FirstName { get; set; }

        public string? LastName { get; set; }

        public bool ContributionsOnly { get; set; }
    }
}
