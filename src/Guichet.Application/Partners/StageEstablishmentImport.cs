using Guichet.Application.Accounts;
using Guichet.Application.Imports;
using Guichet.Domain.Common;
using Guichet.Domain.Imports;

namespace Guichet.Application.Partners;

/// <summary>
/// The back office's upload of the establishments, step one: the file checked as the operator's command checks it
/// (<see cref="EstablishmentFile"/>), then kept for an hour (<see cref="StagedImports"/>) for its preview and "Appliquer
/// l'import". Nothing of the establishments is written.
/// </summary>
public sealed class StageEstablishmentImport(StagedImports staging)
{
    /// <param name="field">The form's file field, under which the file's own errors are shown.</param>
    public async Task<Result<Guid>> HandleAsync(string? fileName, ReadOnlyMemory<byte>? content, StaffCaller actor, string field,
        CancellationToken cancellationToken)
    {
        var text = CsvUpload.Text(fileName, content, PartnerErrors.EstablishmentsFileMissing(field), field);
        if (!text.Succeeded)
        {
            return text.Cast<Guid>();
        }

        var lines = await EstablishmentFile.ReadAsync(new StringReader(text.Value), field);
        if (!lines.Succeeded)
        {
            return lines.Cast<Guid>();
        }

        return await staging.StageAsync(StagedImportKind.Establishments, fileName!, text.Value, actor, cancellationToken);
    }
}
