using Guichet.Application.Accounts;
using Guichet.Application.Accounts.Files;
using Guichet.Domain.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.BackOffice.Pages.Dossiers;

/// <summary>
/// One registration file: its fields, family, enrolment job and audit trail, and a button per action its state allows.
/// Each action carries the version shown: if the file changed since, nothing is applied and the page shows it as it is now.
/// </summary>
public sealed class DossierModel(SearchRegistrationFiles search, GetRegistrationFile getFile, ChangeAccountStatus changeStatus) : BackOfficePageModel
{
    public const string OperationField = "operation";
    public const string VersionField = "version";
    public const string ReasonField = "motif";

    [BindProperty(SupportsGet = true)]
    public string FolderNumber { get; set; } = string.Empty;

    public RegistrationFileView Registration { get; private set; } = null!;

    /// <summary>What was just done (after the redirect of a successful action).</summary>
    [TempData]
    public string? Message { get; set; }

    /// <summary>Why the action was not applied (the file changed meanwhile, or its state no longer allows it).</summary>
    public string? Refusal { get; private set; }

    /// <summary>The reason typed for a rejection that was refused, given back to the form.</summary>
    public string? Reason { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(
        [FromForm(Name = OperationField)] string? operation, [FromForm(Name = VersionField)] string? version,
        [FromForm(Name = ReasonField)] string? reason, CancellationToken cancellationToken)
    {
        if (await FindAsync(cancellationToken) is not { } id)
        {
            return NotFound();
        }

        var action = BackOfficeFormat.Code<AccountAction>(operation);
        // No version, or a forged one, is never "whatever the file is now": it cannot match, so nothing is applied.
        var expected = Guid.TryParse(version, out var shown) ? shown : Guid.Empty;
        var change = await changeStatus.HandleAsync(
            new StatusChange(FilesActor, action, AccountId: id, ExpectedVersion: expected, Reason: reason), cancellationToken);
        if (change.Result.Succeeded)
        {
            Message = $"« {AccountActionLabels.Of(action!.Value)} » appliqué : le dossier est maintenant {change.Result.Value} "
                + $"({AccountStateDescriptions.Of(change.Result.Value)}).";
            return RedirectToPage(BackOfficePages.File, new { folderNumber = FolderNumber });
        }

        foreach (var error in change.Result.Errors)
        {
            if (error.Field == nameof(StatusChange.Reason))
            {
                ModelState.AddModelError(ReasonField, error.Message);
            }
            else
            {
                Refusal = Refusal is null ? error.Message : $"{Refusal} {error.Message}";
            }
        }

        Reason = reason;
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    /// <summary>The way forward (validate, enrol, enable) stands out; disabling is marked as the danger it is.</summary>
    public static string? ButtonStyle(AccountAction action) => action switch
    {
        AccountAction.DISABLE => "danger",
        AccountAction.VALIDATE or AccountAction.ENROLL or AccountAction.ENABLE => null,
        _ => "secondaire",
    };

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync(cancellationToken) is not { } id || await getFile.HandleAsync(id, cancellationToken) is not { Succeeded: true } file)
        {
            return false;
        }

        Registration = file.Value;
        return true;
    }

    /// <summary>The folder number is one of the list's searches (an exact, indexed one); anything else finds nothing.</summary>
    private async Task<Guid?> FindAsync(CancellationToken cancellationToken)
    {
        if (FileSearchText.Parse(FolderNumber, nameof(FolderNumber)) is not { Succeeded: true, Value.Kind: FileSearchTextKind.FolderNumber })
        {
            return null;
        }

        var found = await search.HandleAsync(new RegistrationFileSearch(Text: FolderNumber, PageSize: 1), cancellationToken);
        return found is { Succeeded: true, Value.Rows: [var row] }
            && string.Equals(row.FolderNumber, FolderNumber, StringComparison.OrdinalIgnoreCase) ? row.Id : null;
    }
}
