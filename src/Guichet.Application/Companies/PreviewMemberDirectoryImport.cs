using Guichet.Application.Accounts;
using Guichet.Application.Imports;
using Guichet.Domain.Common;
using Guichet.Domain.Imports;

namespace Guichet.Application.Companies;

/// <summary>An uploaded directory file and what it would change now; <see cref="DirectoryPreview.Fingerprint"/> goes into the apply form.</summary>
public sealed record StagedDirectoryPreview(Guid Id, string FileName, DateTimeOffset StagedAt, DateTimeOffset ExpiresAt, DirectoryPreview Preview);

/// <summary>
/// The back office's upload, step two: what the uploaded file would change in the directory as it is now (added
/// companies, changed ones with their old and new code and name, the unchanged count). Only its uploader sees it. Nothing
/// is written.
/// </summary>
public sealed class PreviewMemberDirectoryImport(MemberDirectory directory, StagedImports staging)
{
    public async Task<Result<StagedDirectoryPreview>> HandleAsync(Guid stagedId, StaffCaller actor, CancellationToken cancellationToken)
    {
        var staged = await staging.FindAsync(StagedImportKind.MemberDirectory, stagedId, actor, tracked: false, cancellationToken);
        if (!staged.Succeeded)
        {
            return staged.Cast<StagedDirectoryPreview>();
        }

        var lines = await MemberDirectoryFile.ReadAsync(new StringReader(staged.Value.Text), "fichier");
        var preview = await directory.PreviewAsync(lines.Value, cancellationToken);
        var file = staged.Value;
        return new StagedDirectoryPreview(file.Id, file.FileName, file.StagedAt, file.ExpiresAt, preview);
    }
}
