using Guichet.Domain.Common;

namespace Guichet.Application.Companies;

/// <summary>
/// The operator's <c>import-members</c>: a member-directory file checked (<see cref="MemberDirectoryFile"/>: one bad
/// line and nothing is imported, with the list of bad lines) and applied at once, all or nothing. An existing SIREN gets
/// the file's member code and name. The back office does the same in two steps, with a preview in between
/// (<see cref="StageMemberDirectoryImport"/>, <see cref="ApplyMemberDirectoryImport"/>).
/// </summary>
public sealed class ImportMemberDirectory(MemberDirectory directory)
{
    public async Task<Result<DirectoryImport>> HandleAsync(TextReader csv, string actor, CancellationToken cancellationToken)
    {
        var lines = await MemberDirectoryFile.ReadAsync(csv, "fichier");
        if (!lines.Succeeded)
        {
            return lines.Cast<DirectoryImport>();
        }

        return await directory.ApplyAsync(lines.Value, expected: null, actor, remoteAddress: null, staged: null, cancellationToken);
    }
}
