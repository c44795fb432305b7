using Guichet.Application.Partners;
using Guichet.Domain.Common;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.BackOffice.Pages.Etablissements;

/// <summary>
/// "Importer les établissements", step two: what the uploaded file changes in the establishments as they are now, and
/// "Appliquer l'import", whose form carries the upload's id and the fingerprint of the preview shown. If the
/// establishments changed since, nothing is applied and the page shows the new preview to apply instead.
/// </summary>
public sealed class ApercuModel(PreviewEstablishmentImport preview, ApplyEstablishmentImport apply) : BackOfficePageModel
{
    public const string FingerprintField = "apercu";

    public StagedEstablishmentsPreview? Import { get; private set; }

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
            Message = $"Import appliqué : {result.Added} établissement(s) ajouté(s), {result.Updated} modifié(s), "
                + $"{result.Unchanged} inchangé(s).";
            return RedirectToPage(BackOfficePages.Establishments);
        }

        Refusal = string.Join(" ", applied.Errors.Select(e => e.Message));
        if (applied.FailureCode == ErrorCodes.DirectoryChanged)
        {
            await LoadAsync(importId, cancellationToken);
        }

        return Page();
    }

    /// <summary>"avant → après" when the file changes the value, the value alone otherwise; "(vide)" for an empty one.</summary>
    public static string Change(string before, string after) =>
        before == after ? Shown(after) : $"{Shown(before)} → {Shown(after)}";

    public static string Shown(string value) => value.Length == 0 ? "(vide)" : value;

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
