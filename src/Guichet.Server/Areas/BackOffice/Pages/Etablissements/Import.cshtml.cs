using Guichet.Application.Partners;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.BackOffice.Pages.Etablissements;

/// <summary>
/// "Importer les établissements", step one: the CSV file uploaded, checked as the operator's command checks it, kept for
/// its preview (no establishment written), then the preview's page. A bad file is refused here, every bad line listed.
/// </summary>
[RequestSizeLimit(UploadedCsv.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadedCsv.RequestLimit)]
public sealed class ImportModel(StageEstablishmentImport stage) : BackOfficePageModel
{
    public const string FileField = "fichier";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync([FromForm(Name = FileField)] IFormFile? file, CancellationToken cancellationToken)
    {
        var content = await UploadedCsv.ReadAsync(file, cancellationToken);
        var staged = await stage.HandleAsync(file?.FileName, content, FilesActor, FileField, cancellationToken);
        if (!staged.Succeeded)
        {
            Errors = staged.Errors;
            return Page();
        }

        return RedirectToPage(BackOfficePages.EstablishmentsImportPreview, new { importId = staged.Value });
    }

    /// <summary>The file's errors: the file's own (field <see cref="FileField"/>) or its bad lines (field <c>ligne N</c>).</summary>
    public IReadOnlyList<Domain.Common.Error> Errors { get; private set; } = [];
}
