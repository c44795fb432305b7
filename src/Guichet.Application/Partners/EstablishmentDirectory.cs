using Guichet.Application.Auditing;
using Guichet.Application.Imports;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.Imports;
using Guichet.Domain.Partners;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Partners;

/// <summary>
/// The steps the establishments imports share (the operator's command, the back office's preview and apply): what a
/// checked file changes in the establishments, and applying exactly that, all or nothing (<see cref="StagedImports"/>).
/// An import creates and updates establishments and never deletes one: people may hold access to it, and a file that
/// leaves a line out (a partial export, a filter left on in the spreadsheet) must not take their access away.
/// </summary>
public sealed class EstablishmentDirectory(GuichetDbContext db, AuditTrail audit, StagedImports staging, TimeProvider clock)
{
    /// <summary>The establishments added, changed (before and after) and unchanged, in the file's order.</summary>
    public async Task<EstablishmentsPreview> PreviewAsync(IReadOnlyList<EstablishmentLine> lines, CancellationToken cancellationToken)
    {
        var existing = await ExistingAsync(lines, tracked: false, cancellationToken);
        return Preview(lines, existing);
    }

    /// <summary>
    /// Applies the file in one serializable transaction, if it still makes the changes of <paramref name="expected"/> (a
    /// <see cref="EstablishmentsPreview.Fingerprint"/>; null: whatever they are now), removing <paramref name="staged"/>
    /// (the uploaded file) in the same transaction, so that it is applied once. A concurrent change fails the whole import
    /// with <see cref="PartnerErrors.EstablishmentsChangedSincePreview"/>; so does a preview that no longer matches. The
    /// file's values replace the stored ones, empty ones included (the preview shows it). One audit line with the counts,
    /// one per establishment changed (subject: the SIRET; from and to: the names; detail: every field changed).
    /// </summary>
    public Task<Result<EstablishmentsImport>> ApplyAsync(IReadOnlyList<EstablishmentLine> lines, string? expected, string actor,
        string? remoteAddress, StagedImport? staged, CancellationToken cancellationToken) =>
        staging.ApplyAsync(staged, async () =>
        {
            var existing = await ExistingAsync(lines, tracked: true, cancellationToken);
            var preview = Preview(lines, existing);
            if (expected is not null && preview.Fingerprint() != expected)
            {
                return PartnerErrors.EstablishmentsChangedSincePreview;
            }

            var now = clock.GetUtcNow();
            foreach (var added in preview.Added)
            {
                db.Establishments.Add(new Establishment
                {
                    Siret = added.Siret,
                    Name = added.Name,
                    Address = added.Address,
                    PostalCode = added.PostalCode,
                    City = added.City,
                    CreatedAt = now,
                });
            }

            foreach (var (before, after) in preview.Changed)
            {
                var establishment = existing[after.Siret];
                establishment.Name = after.Name;
                establishment.Address = after.Address;
                establishment.PostalCode = after.PostalCode;
                establishment.City = after.City;
                establishment.Touch();
                audit.Record(actor, AuditEvents.EstablishmentChanged, null, after.Siret, from: before.Name, to: after.Name,
                    remoteAddress: remoteAddress, detail: Differences(before, after));
            }

            var result = new EstablishmentsImport(preview.Added.Count, preview.Changed.Count, preview.Unchanged);
            audit.Record(actor, AuditEvents.EstablishmentsImported, null, null, remoteAddress: remoteAddress,
                detail: $"{result.Added} added, {result.Updated} updated, {result.Unchanged} unchanged");
            return Result<EstablishmentsImport>.Success(result);
        }, PartnerErrors.EstablishmentsChangedSincePreview, cancellationToken);

    /// <summary>"adresse : 1 rue A → 2 rue B ; ville : Lyon → Paris": the fields that changed, in the file's column order.</summary>
    private static string Differences(EstablishmentValues before, EstablishmentValues after) => string.Join(" ; ",
        new[]
        {
            ("nom", before.Name, after.Name),
            ("adresse", before.Address, after.Address),
            ("code postal", before.PostalCode, after.PostalCode),
            ("ville", before.City, after.City),
        }.Where(f => f.Item2 != f.Item3).Select(f => $"{f.Item1} : {f.Item2} → {f.Item3}"));

    private async Task<Dictionary<string, Establishment>> ExistingAsync(IReadOnlyList<EstablishmentLine> lines, bool tracked,
        CancellationToken cancellationToken)
    {
        var existing = new Dictionary<string, Establishment>(StringComparer.Ordinal);
        // In chunks: one query per few thousand SIRETs keeps every provider's parameter limits far away.
        foreach (var chunk in lines.Select(l => l.Values.Siret).Chunk(2_000))
        {
            var query = db.Establishments.Where(e => chunk.Contains(e.Siret));
            foreach (var establishment in await (tracked ? query : query.AsNoTracking()).ToListAsync(cancellationToken))
            {
                existing[establishment.Siret] = establishment;
            }
        }

        return existing;
    }

    private static EstablishmentsPreview Preview(IReadOnlyList<EstablishmentLine> lines, Dictionary<string, Establishment> existing)
    {
        var added = new List<EstablishmentValues>();
        var changed = new List<EstablishmentChange>();
        var unchanged = 0;
        foreach (var line in lines)
        {
            var values = line.Values;
            if (!existing.TryGetValue(values.Siret, out var establishment))
            {
                added.Add(values);
                continue;
            }

            var stored = new EstablishmentValues(establishment.Siret, establishment.Name, establishment.Address, establishment.PostalCode,
                establishment.City);
            if (stored == values)
            {
                unchanged++;
            }
            else
            {
                changed.Add(new EstablishmentChange(stored, values));
            }
        }

        return new EstablishmentsPreview(added, changed, unchanged);
    }
}
