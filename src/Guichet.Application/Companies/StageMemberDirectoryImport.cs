using Guichet.Application.Accounts;
using Guichet.Data;
using Guichet.Domain.Common;
using Guichet.Domain.Imports;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Companies;

/// <summary>
/// The back office's upload of the member directory, step one: the file checked as the operator's command checks it,
/// then kept for an hour (<see cref="StagedImport"/>) for its preview and "Appliquer l'import". Nothing of the
/// directory is written. Older uploads past their hour are purged on the way.
/// </summary>
public sealed class StageMemberDirectoryImport(GuichetDbContext db, TimeProvider clock)
{
    /// <param name="field">The form's file field, under which the file's own errors are shown.</param>
    public async Task<Result<Guid>> HandleAsync(string? fileName, ReadOnlyMemory<byte>? content, StaffCaller actor, string field,
        CancellationToken cancellationToken)
    {
        if (content is not { } bytes || string.IsNullOrEmpty(fileName))
        {
            return CompanyErrors.DirectoryFileMissing(field);
        }

        if (MemberDirectoryFile.CheckName(fileName, field) is { } wrongType)
        {
            return wrongType;
        }

        var text = MemberDirectoryFile.Decode(bytes.Span, field);
        if (!text.Succeeded)
        {
            return text.Cast<Guid>();
        }

        var lines = await MemberDirectoryFile.ReadAsync(new StringReader(text.Value), field);
        if (!lines.Succeeded)
        {
            return lines.Cast<Guid>();
        }

        var now = clock.GetUtcNow();
        await db.StagedImports.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        var staged = db.StagedImports.Add(new StagedImport
        {
            Kind = StagedImportKind.MemberDirectory,
            Text = text.Value,
            FileName = Path.GetFileName(fileName) is { Length: > StagedImport.MaxFileNameLength } name
                ? name[..StagedImport.MaxFileNameLength] : Path.GetFileName(fileName),
            StagedBy = actor.AuditName,
            StagedAt = now,
            ExpiresAt = now + StagedImport.Lifetime,
        }).Entity;
        await db.SaveChangesAsync(cancellationToken);
        return staged.Id;
    }
}
