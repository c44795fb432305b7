using Guichet.Application.Imports;
using Guichet.Domain.Common;

namespace Guichet.Application.Partners;

/// <summary>An establishment as a file gives it and <see cref="EstablishmentFields.Check"/> accepts it: trimmed, SIRET digits only.</summary>
public sealed record EstablishmentValues(string Siret, string Name, string Address, string PostalCode, string City);

/// <summary>One establishment of an establishments file, at its line.</summary>
public sealed record EstablishmentLine(int Line, EstablishmentValues Values);

/// <summary>
/// The establishments file (<c>siret;nom;adresse;code_postal;ville</c>, the header line required), as the operator's
/// command and the back office's upload both read it (<see cref="CsvUpload"/>): every line checked by
/// <see cref="EstablishmentFields.Check"/>, a SIRET at most once, every bad line reported with its number.
/// </summary>
public static class EstablishmentFile
{
    public const string Header = "siret;nom;adresse;code_postal;ville";

    private static readonly string[] s_columns = Header.Split(';');

    /// <summary>
    /// Every line checked; one bad line and the file is refused, with every error of every bad line (field <c>ligne N</c>).
    /// A wrong header (or a file separated by commas or tabs) refuses the file before any line is read (field
    /// <paramref name="field"/>): its columns would be read in the wrong places.
    /// </summary>
    public static async Task<Result<IReadOnlyList<EstablishmentLine>>> ReadAsync(TextReader csv, string field)
    {
        using var reader = CsvUpload.Reader(csv);
        if (!await reader.ReadAsync())
        {
            return PartnerErrors.NoEstablishment(field);
        }

        var header = Enumerable.Range(0, reader.Parser.Count).Select(i => reader.GetField(i) ?? string.Empty).ToList();
        if (!header.SequenceEqual(s_columns, StringComparer.OrdinalIgnoreCase))
        {
            return header is [var single] && single.IndexOfAny([',', '\t']) >= 0
                ? PartnerErrors.EstablishmentsSeparator(field)
                : PartnerErrors.EstablishmentsHeader(field);
        }

        var lines = new List<EstablishmentLine>();
        var sirets = new Dictionary<string, int>(StringComparer.Ordinal);
        var errors = new List<Error>();
        while (await reader.ReadAsync())
        {
            var line = reader.Parser.RawRow;
            var at = CsvUpload.LineField(line);
            if (reader.Parser.Count != s_columns.Length)
            {
                errors.Add(PartnerErrors.EstablishmentColumns(reader.Parser.Count, at));
                continue;
            }

            var lineErrors = new List<Error>();
            var details = EstablishmentFields.Check(lineErrors,
                new EstablishmentDetails(reader.GetField(0), reader.GetField(1), reader.GetField(2), reader.GetField(3), reader.GetField(4)));
            errors.AddRange(lineErrors.Select(e => e with { Field = at }));
            if (details is null)
            {
                continue;
            }

            var siret = details.Siret!;
            if (!sirets.TryAdd(siret, line))
            {
                errors.Add(PartnerErrors.EstablishmentSiretTwice(siret, sirets[siret], at));
                continue;
            }

            lines.Add(new EstablishmentLine(line,
                new EstablishmentValues(siret, details.Name!, details.Address!, details.PostalCode!, details.City!)));
        }

        if (errors.Count > 0)
        {
            return Result<IReadOnlyList<EstablishmentLine>>.Failure(ErrorCodes.InvalidFile, errors);
        }

        return lines.Count == 0 ? PartnerErrors.NoEstablishment(field) : Result<IReadOnlyList<EstablishmentLine>>.Success(lines);
    }
}
