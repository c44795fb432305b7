using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Guichet.Application.Auditing;

namespace Guichet.Server.Areas.BackOffice;

/// <summary>
/// The audit trail as a CSV file for French spreadsheets: UTF-8 with a byte-order mark, ";" between fields, a French
/// header, the time in Paris as ISO 8601 with its offset. Each row is written as it is read (nothing held in memory).
/// Logins, names and details are typed by strangers: a field that a spreadsheet would run as a formula (starting with
/// = + - @, a tab or a carriage return) is written with a leading apostrophe, so that it is shown as text.
/// </summary>
public static class AuditTrailCsv
{
    public static IReadOnlyList<string> Header { get; } =
    [
        "N°", "Date (heure de Paris)", "Acteur", "Événement", "Code de l'événement", "Marque blanche", "Sujet", "Avant", "Après", "Adresse",
        "Détail",
    ];

    private const int RowsPerFlush = 200;

    private static readonly CsvConfiguration s_configuration = new(CultureInfo.InvariantCulture)
    {
        Delimiter = ";",
        InjectionOptions = InjectionOptions.Escape,
    };

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<AuditTrailRow> rows, CancellationToken cancellationToken)
    {
        await output.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        await using var csv = new CsvWriter(writer, s_configuration);
        foreach (var name in Header)
        {
            csv.WriteField(name);
        }

        await csv.NextRecordAsync();
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            csv.WriteField(row.Id.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(BackOfficeFormat.ParisIsoTime(row.At));
            csv.WriteField(row.Actor);
            csv.WriteField(AuditEventLabels.Of(row.Event));
            csv.WriteField(row.Event);
            csv.WriteField(row.WhiteLabelName);
            csv.WriteField(row.Subject);
            csv.WriteField(row.From);
            csv.WriteField(row.To);
            csv.WriteField(row.RemoteAddress);
            csv.WriteField(row.Detail);
            await csv.NextRecordAsync();
            if (++count % RowsPerFlush == 0)
            {
                await csv.FlushAsync();
            }
        }

        await csv.FlushAsync();
    }
}
