using Guichet.Application.Accounts;
using Guichet.Application.Imports;
using Guichet.Domain.Common;
using Guichet.Domain.Imports;

namespace Guichet.Application.Partners;

/// <summary>An uploaded establishments file and what it would change now; its fingerprint goes into the apply form.</summary>
public sealed record StagedEstablishmentsPreview(Guid Id, string FileName, DateTimeOffset StagedAt, DateTimeOffset ExpiresAt,
    EstablishmentsPreview Preview);

/// <summary>
/// The back office's upload, step two: what the uploaded file would change in the establishments as they are now (added
/// ones, changed ones before and after, the unchanged count). Only its uploader sees it, and only as an establishments
/// upload. Nothing is written.
/// </summary>
public sealed class PreviewEstablishmentImport(EstablishmentDirectory establishments, StagedImports staging)
{
    public async Task<Result<StagedEstablishmentsPreview>> HandleAsync(Guid stagedId, StaffCaller actor, CancellationToken cancellationToken)
    {
        var staged = await staging.FindAsync(StagedImportKind.Establishments, stagedId, actor, tracked: false, cancellationToken);
        if (!staged.Succeeded)
        {
            return staged.Cast<StagedEstablishmentsPreview>();
        }

        var lines = await EstablishmentFile.ReadAsync(new StringReader(staged.Value.Text), "fichier");
        var preview = await establishments.PreviewAsync(lines.Value, cancellationToken);
        var file = staged.Value;
        return new StagedEstablishmentsPreview(file.Id, file.FileName, file.StagedAt, file.ExpiresAt, preview);
    }
}
