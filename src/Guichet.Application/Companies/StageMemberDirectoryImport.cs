using Guichet.Application.Accounts;
using Guichet.Application.Imports;
using Guichet.Domain.Common;
using Guichet.Domain.Imports;

namespace Guichet.Application.Companies;

/// <summary>
/// The back office's upload of the member directory, step one: the file checked as the operator's command checks it,
/// then kept for an hour (<see cref="StagedImports"/>) for its preview and "Appliquer l'import". Nothing of the
/// directory is written.
/// </summary>
public sealed class StageMemberDirectoryImport(StagedImports staging)
{
    /// <param name="field">The form's file field, under which the file's own errors are shown.</param>
    public async Task<Result<Guid>> HandleAsync(string? fileName, ReadOnlyMemory<byte>? content, StaffCaller actor, string field,
        CancellationToken cancellationToken)
    {
        var text = CsvUpload.Text(fileName, content, CompanyErrors.DirectoryFileMissing(field), field);
        if (!text.Succeeded)
        {
            return text.Cast<Guid>();
        }

        var lines = await MemberDirectoryFile.ReadAsync(new StringReader(text.Value), field);
        if (!lines.Succeeded)
        {
            return lines.Cast<Guid>();
        }

        return await staging.StageAsync(StagedImportKind.MemberDirectory, fileName!, text.Value, actor, cancellationToken);
    }
}
