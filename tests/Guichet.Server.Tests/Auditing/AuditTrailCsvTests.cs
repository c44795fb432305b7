using System.Text;
using Guichet.Application.Auditing;
using Guichet.Domain.Auditing;
using Guichet.Server.Areas.BackOffice;

namespace Guichet.Server.Tests.Auditing;

/// <summary>The trail's CSV for French spreadsheets, and what it does with values typed by strangers.</summary>
public sealed class AuditTrailCsvTests
{
    /// <summary>Actor, white label, subject, from, to, address, detail.</summary>
    private static readonly int[] s_typedColumns = [2, 5, 6, 7, 8, 9, 10];

    [Fact]
    public async Task Csv_BomSemicolonsFrenchHeader_ParisIsoTime()
    {
        var at = new DateTimeOffset(2026, 1, 14, 23, 30, 5, TimeSpan.Zero);
        var summer = new DateTimeOffset(2026, 7, 14, 22, 0, 0, TimeSpan.Zero);

        var (bytes, lines) = await WriteAsync(
            new AuditTrailRow(7, at, "staff:a@b.fr", AuditEvents.AccountStateChanged, null, "Marque; Sud", "LOGIN1", "WAIT_FOR_FILES",
                "BO_REJECTED", "10.0.0.1", "REJECT: pièce \"illisible\""),
            new AuditTrailRow(8, summer, "system", AuditEvents.StaffSignedOut, null, null, null, null, null, null, null));

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(
            "N°;Date (heure de Paris);Acteur;Événement;Code de l'événement;Marque blanche;Sujet;Avant;Après;Adresse;Détail", lines[0]);
        Assert.Equal(
            "7;2026-01-15T00:30:05+01:00;staff:a@b.fr;Changement d'état d'un compte;account.state_changed;\"Marque; Sud\";LOGIN1;"
            + "WAIT_FOR_FILES;BO_REJECTED;10.0.0.1;\"REJECT: pièce \"\"illisible\"\"\"",
            lines[1]);
        Assert.Equal("8;2026-07-15T00:00:00+02:00;system;Déconnexion du back office;staff.signed_out;;;;;;", lines[2]);
        Assert.Equal(3, lines.Length);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+33140000000")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1")]
    public async Task ValueAFormulaWouldStartWith_IsWrittenAsText(string typed)
    {
        var (_, lines) = await WriteAsync(new AuditTrailRow(1, DateTimeOffset.UnixEpoch, typed, AuditEvents.UserAuthenticationFailed, null, typed,
            typed, typed, typed, typed, typed));

        var fields = lines[1].Split(';');
        Assert.All(s_typedColumns, i => Assert.StartsWith("\"'", fields[i], StringComparison.Ordinal));
    }

    private static async Task<(byte[] Bytes, string[] Lines)> WriteAsync(params AuditTrailRow[] rows)
    {
        using var output = new MemoryStream();
        await AuditTrailCsv.WriteAsync(output, rows.ToAsyncEnumerable(), CancellationToken.None);
        var bytes = output.ToArray();
        var text = new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3);
        return (bytes, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }
}
