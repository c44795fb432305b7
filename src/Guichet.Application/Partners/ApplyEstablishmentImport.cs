using Guichet.Application.Accounts;
using Guichet.Application.Imports;
using Guichet.Domain.Common;
using Guichet.Domain.Imports;

namespace Guichet.Application.Partners;

/// <summary>
/// The back office's upload, step three, "Appliquer l'import": the uploaded file applied, all or nothing in one
/// transaction, only if it still makes the changes of the preview the staff member saw (the fingerprint its form
/// carries, <see cref="EstablishmentsPreview.Fingerprint"/>); otherwise nothing is applied and
/// <see cref="PartnerErrors.EstablishmentsChangedSincePreview"/> asks them to look at the new preview. Applied once: the
/// uploaded file goes with it. Audited in their name, with their address.
/// </summary>
public sealed class ApplyEstablishmentImport(EstablishmentDirectory establishments, StagedImports staging)
{
    public async Task<Result<EstablishmentsImport>> HandleAsync(Guid stagedId, string? shownFingerprint, StaffCaller actor,
        CancellationToken cancellationToken)
    {
        var staged = await staging.FindAsync(StagedImportKind.Establishments, stagedId, actor, tracked: true, cancellationToken);
        if (!staged.Succeeded)
        {
            return staged.Cast<EstablishmentsImport>();
        }

        var lines = await EstablishmentFile.ReadAsync(new StringReader(staged.Value.Text), "fichier");
        // No fingerprint is never "whatever it changes now": it cannot match, and the preview is shown again.
        return await establishments.ApplyAsync(lines.Value, shownFingerprint ?? string.Empty, actor.AuditName, actor.RemoteAddress,
            staged.Value, cancellationToken);
    }
}
