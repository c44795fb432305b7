using Guichet.Application.Imports;
using Guichet.Domain.Common;

namespace Guichet.Application.Partners;

/// <summary>
/// The operator's <c>import-establishments</c>: an establishments file checked like an upload (<see cref="CsvUpload"/>:
/// size and UTF-8; <see cref="EstablishmentFile"/>: one bad line and nothing is imported, with the list of bad lines) and
/// applied at once, all or nothing. An existing SIRET gets the file's name and address; no establishment is deleted.
/// The back office does the same in two steps, with a preview in between (<see cref="StageEstablishmentImport"/>,
/// <see cref="ApplyEstablishmentImport"/>).
/// </summary>
public sealed class ImportEstablishments(EstablishmentDirectory establishments)
{
    public async Task<Result<EstablishmentsImport>> HandleAsync(ReadOnlyMemory<byte> content, string actor, CancellationToken cancellationToken)
    {
        var text = CsvUpload.Decode(content.Span, "fichier");
        if (!text.Succeeded)
        {
            return text.Cast<EstablishmentsImport>();
        }

        var lines = await EstablishmentFile.ReadAsync(new StringReader(text.Value), "fichier");
        if (!lines.Succeeded)
        {
            return lines.Cast<EstablishmentsImport>();
        }

        return await establishments.ApplyAsync(lines.Value, expected: null, actor, remoteAddress: null, staged: null, cancellationToken);
    }
}
