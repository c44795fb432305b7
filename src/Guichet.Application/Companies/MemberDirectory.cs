using Guichet.Application.Auditing;
using Guichet.Application.Imports;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.Companies;
using Guichet.Domain.Imports;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Companies;

/// <summary>
/// The steps the member-directory imports share (the operator's command, the back office's preview and apply): what a
/// checked file changes in the directory, and applying exactly that, all or nothing (<see cref="StagedImports"/>).
/// </summary>
public sealed class MemberDirectory(GuichetDbContext db, AuditTrail audit, StagedImports staging)
{
    /// <summary>The companies added, changed (old and new code and name) and unchanged, in the file's order.</summary>
    public async Task<DirectoryPreview> PreviewAsync(IReadOnlyList<DirectoryLine> lines, CancellationToken cancellationToken)
    {
        var existing = await ExistingAsync(lines, tracked: false, cancellationToken);
        return Preview(lines, existing);
    }

    /// <summary>
    /// Applies the file in one serializable transaction, if it still makes the changes of <paramref name="expected"/> (a
    /// <see cref="DirectoryPreview.Fingerprint"/>; null: whatever they are now), removing <paramref name="staged"/> (the
    /// uploaded file) in the same transaction, so that it is applied once. A concurrent change of the directory fails the
    /// whole import with <see cref="CompanyErrors.DirectoryChangedSincePreview"/>; so does a preview that no longer matches.
    /// One audit line with the counts, one per company changed (from and to: the member codes; detail: the names).
    /// </summary>
    public Task<Result<DirectoryImport>> ApplyAsync(IReadOnlyList<DirectoryLine> lines, string? expected, string actor, string? remoteAddress,
        StagedImport? staged, CancellationToken cancellationToken) =>
        staging.ApplyAsync(staged, async () =>
        {
            var existing = await ExistingAsync(lines, tracked: true, cancellationToken);
            var preview = Preview(lines, existing);
            if (expected is not null && preview.Fingerprint() != expected)
            {
                return CompanyErrors.DirectoryChangedSincePreview;
            }

            foreach (var added in preview.Added)
            {
                db.Companies.Add(new Company { Siren = added.Siren, MemberCode = added.MemberCode, Name = added.Name });
            }

            foreach (var changed in preview.Changed)
            {
                var company = existing[changed.Siren];
                company.MemberCode = changed.NewMemberCode;
                company.Name = changed.NewName;
                company.Touch();
                audit.Record(actor, AuditEvents.DirectoryCompanyChanged, null, changed.Siren, from: changed.OldMemberCode, to: changed.NewMemberCode,
                    remoteAddress: remoteAddress, detail: $"{changed.OldName} → {changed.NewName}");
            }

            var result = new DirectoryImport(preview.Added.Count, preview.Changed.Count, preview.Unchanged);
            audit.Record(actor, AuditEvents.DirectoryImported, null, null, remoteAddress: remoteAddress,
                detail: $"{result.Added} added, {result.Updated} updated, {result.Unchanged} unchanged");
            return Result<DirectoryImport>.Success(result);
        }, CompanyErrors.DirectoryChangedSincePreview, cancellationToken);

    private async Task<Dictionary<string, Company>> ExistingAsync(IReadOnlyList<DirectoryLine> lines, bool tracked,
        CancellationToken cancellationToken)
    {
        var existing = new Dictionary<string, Company>(StringComparer.Ordinal);
        // In chunks: one query per few thousand SIRENs keeps every provider's parameter limits far away.
        foreach (var chunk in lines.Select(l => l.Siren).Chunk(2_000))
        {
            var query = db.Companies.Where(c => chunk.Contains(c.Siren));
            foreach (var company in await (tracked ? query : query.AsNoTracking()).ToListAsync(cancellationToken))
            {
                existing[company.Siren] = company;
            }
        }

        return existing;
    }

    private static DirectoryPreview Preview(IReadOnlyList<DirectoryLine> lines, Dictionary<string, Company> existing)
    {
        var added = new List<DirectoryAddition>();
        var changed = new List<DirectoryChange>();
        var unchanged = 0;
        foreach (var line in lines)
        {
            if (!existing.TryGetValue(line.Siren, out var company))
            {
                added.Add(new DirectoryAddition(line.Siren, line.MemberCode, line.Name));
            }
            else if (company.MemberCode != line.MemberCode || company.Name != line.Name)
            {
                changed.Add(new DirectoryChange(line.Siren, company.MemberCode, company.Name, line.MemberCode, line.Name));
            }
            else
            {
                unchanged++;
            }
        }

        return new DirectoryPreview(added, changed, unchanged);
    }
}
