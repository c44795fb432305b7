using Guichet.Application.Companies;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.BackOffice.Pages.Annuaire;

/// <summary>
/// "Importer l'annuaire", step one: the CSV file uploaded, checked as the operator's command checks it, kept for its
/// preview (nothing of the directory written), then the preview's page. A bad file is refused here, every bad line listed.
/// </summary>
// A little above the file's limit, so that a file just too large gets the French message rather than the error page.
[RequestSizeLimit(MemberDirectoryFile.MaxBytes + RequestMargin)]
[RequestFormLimits(MultipartBodyLengthLimit = MemberDirectoryFile.MaxBytes + RequestMargin)]
public sealed class ImportModel(StageMemberDirectoryImport stage) : BackOfficePageModel
{
    public const string FileField = "fichier";

    private const int RequestMargin = 1024 * 1024;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync([FromForm(Name = FileField)] IFormFile? file, CancellationToken cancellationToken)
    {
        ReadOnlyMemory<byte>? content = null;
        if (file is not null && file.Length <= MemberDirectoryFile.MaxBytes)
        {
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }
        else if (file is not null)
        {
            // Too large: not read at all; the use case says so from its length alone.
            content = new byte[MemberDirectoryFile.MaxBytes + 1];
        }

        var staged = await stage.HandleAsync(file?.FileName, content, FilesActor, FileField, cancellationToken);
        if (!staged.Succeeded)
        {
            Errors = staged.Errors;
            return Page();
        }

        return RedirectToPage(BackOfficePages.DirectoryImportPreview, new { importId = staged.Value });
    }

    /// <summary>The file's errors: the file's own (field <see cref="FileField"/>) or its bad lines (field <c>ligne N</c>).</summary>
    public IReadOnlyList<Domain.Common.Error> Errors { get; private set; } = [];
}
