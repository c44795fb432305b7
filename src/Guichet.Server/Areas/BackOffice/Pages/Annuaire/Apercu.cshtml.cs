using Guichet.Application.Companies;
using Guichet.Domain.Common;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.BackOffice.Pages.Annuaire;

/// <summary>
/// "Importer l'annuaire", step two: what the uploaded file changes in the directory as it is now, and "Appliquer
/// l'import", whose form carries the upload's id and the fingerprint of the preview shown. If the directory changed since,
/// nothing is applied and the page shows the new preview to apply instead.
/// </summary>
public sealed class ApercuModel(PreviewMemberDirectoryImport preview, ApplyMemberDirectoryImport apply) : BackOfficePageModel
{
    public const string FingerprintField = "apercu";

    public StagedDirectoryPreview? Import { get; private set; }

    /// <summary>Why nothing was applied, or why there is nothing to show.</summary>
    public string? Refusal { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid importId, CancellationToken cancellationToken)
    {
        await LoadAsync(importId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid importId, [FromForm(Name = FingerprintField)] string? fingerprint,
        CancellationToken cancellationToken)
    {
        var applied = await apply.HandleAsync(importId, fingerprint, FilesActor, cancellationToken);
        if (applied.Succeeded)
        {
            var result = applied.Value;
            Message = $"Import appliqué : {result.Added} entreprise(s) ajoutée(s), {result.Updated} modifiée(s), "
                + $"{result.Unchanged} inchangée(s).";
            return RedirectToPage(BackOfficePages.Directory);
        }

        Refusal = string.Join(" ", applied.Errors.Select(e => e.Message));
        if (applied.FailureCode == ErrorCodes.DirectoryChanged)
        {
            await LoadAsync(importId, cancellationToken);
        }

        return Page();
    }

    private async Task LoadAsync(Guid importId, CancellationToken cancellationToken)
    {
        var found = await preview.HandleAsync(importId, FilesActor, cancellationToken);
        if (found.Succeeded)
        {
            Import = found.Value;
        }
        else
        {
            // Applied meanwhile (a second click) or expired: said as such, whatever the first refusal was.
            Refusal = string.Join(" ", found.Errors.Select(e => e.Message));
        }
    }
}
