using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Guichet.Domain.Auditing;
using Guichet.Server.Tests.BackOffice;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.RegistrationFiles;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.Auditing;

/// <summary>
/// The audit trail's page over HTTP, as an agent uses it: filters in the address, the table, the paging links, the
/// errors, and the CSV export of the selection. Each test reads only entries it tagged (the tests share a database).
/// </summary>
public abstract partial class AuditTrailPagesTests(GuichetServer server)
{
    private const string Journal = "/back-office/journal";

    private readonly TestAuditTrail _trail = new(server);

    [Fact]
    public async Task Agent_FiltersTheTrail_SeesTheColumns_TheFilesLoginLinksToItsPage()
    {
        using var agent = await FilesStaff.SignInAsync(server);
        var files = new TestFiles(server);
        var credentials = await server.CreateWhiteLabelAsync();
        var file = await files.AddAsync(credentials.WhiteLabel.Id);
        var actor = TestAuditTrail.Tag("a");
        var changed = await _trail.AddAsync(actor, new DateTimeOffset(2026, 1, 14, 23, 30, 0, TimeSpan.Zero), AuditEvents.AccountStateChanged,
            credentials.WhiteLabel.Id, file.Login, "WAIT_FOR_FILES", "BO_REJECTED", "10.9.8.7", "REJECT: Kbis illisible");
        var signedIn = await _trail.AddAsync(actor, new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero), AuditEvents.StaffSignedIn,
            subject: "x@guichet.test", address: "10.9.8.7");

        var (_, all) = await agent.GetAsync($"{Journal}?acteur={actor}");
        var (_, byEvent) = await agent.GetAsync($"{Journal}?acteur={actor}&evenement={AuditEvents.AccountStateChanged}");
        var (_, byDay) = await agent.GetAsync($"{Journal}?acteur={actor}&du=15/01/2026&au=15/01/2026");
        var (_, byMinute) = await agent.GetAsync($"{Journal}?acteur={actor}&du=2026-01-15T00:31&au=15/01/2026 10:00");
        var (_, bySubject) = await agent.GetAsync($"{Journal}?sujet={file.Login}&marque={credentials.WhiteLabel.Id}");
        var (_, none) = await agent.GetAsync($"{Journal}?acteur={actor}&adresse=10.0.0.0");

        Assert.Equal([signedIn.Id, changed.Id], Rows(all));
        Assert.Equal([changed.Id], Rows(byEvent));
        // 23:30 UTC on 14 January is 00:30 on the 15th in Paris.
        Assert.Equal([signedIn.Id, changed.Id], Rows(byDay));
        Assert.Equal([signedIn.Id], Rows(byMinute));
        Assert.Contains(changed.Id, Rows(bySubject));
        Assert.Empty(Rows(none));
        Assert.Contains("Aucun événement ne correspond à ces critères.", none, StringComparison.Ordinal);
        Assert.DoesNotContain("Exporter la sélection", none, StringComparison.Ordinal);
        Assert.Equal(
            ["15/01/2026 00:30", actor, "Changement d'état d'un compte account.state_changed", credentials.WhiteLabel.Name, file.Login,
                "WAIT_FOR_FILES → BO_REJECTED", "10.9.8.7", "REJECT: Kbis illisible"],
            Cells(all, changed.Id));
        Assert.Contains($"<a href=\"/back-office/dossiers/{file.FolderNumber}\">{file.Login}</a>", all, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{AuditEvents.AccountStateChanged}\" selected=\"selected\">", byEvent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paging_ByCursor_TheLinksKeepTheFilters()
    {
        using var agent = await FilesStaff.SignInAsync(server);
        var actor = TestAuditTrail.Tag();
        var start = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var added = new List<long>();
        for (var i = 0; i < 52; i++)
        {
            added.Add((await _trail.AddAsync(actor, start.AddMinutes(i), i % 2 == 0 ? AuditEvents.AccountModified : AuditEvents.StaffSignedIn)).Id);
        }

        added.Reverse();
        var (_, page1) = await agent.GetAsync($"{Journal}?acteur={actor}&du=01/03/2025");
        var next = Link(page1, "Page suivante");
        var (_, page2) = await agent.GetAsync(next);
        var (_, back) = await agent.GetAsync(Link(page2, "Page précédente"));
        var (_, last) = await agent.GetAsync(Link(page1, "Dernière page"));

        Assert.Contains($"acteur={actor}", next, StringComparison.Ordinal);
        Assert.Contains("du=01%2F03%2F2025", next, StringComparison.Ordinal);
        Assert.Null(LinkOrNull(page1, "Page précédente"));
        Assert.Equal(added[..50], Rows(page1));
        Assert.Equal(added[50..], Rows(page2));
        Assert.Null(LinkOrNull(page2, "Page suivante"));
        Assert.Equal(added[..50], Rows(back));
        Assert.Equal(added[^50..], Rows(last));
        Assert.Contains($"acteur={actor}", Link(page2, "Exporter la sélection en CSV"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("du=demain", "du", "Date invalide : écrivez-la jj/mm/aaaa, éventuellement suivie de l'heure hh:mm.")]
    [InlineData("au=31/02/2026", "au", "Date invalide : écrivez-la jj/mm/aaaa, éventuellement suivie de l'heure hh:mm.")]
    [InlineData("du=02/02/2026&au=01/02/2026", "au", "La fin de la période précède son début.")]
    [InlineData("du=02/02/2026 10:00&au=02/02/2026 09:59", "au", "La fin de la période précède son début.")]
    [InlineData("evenement=account.nope", "evenement", "« account.nope » n'est pas un événement du journal.")]
    [InlineData("marque=Sud", "marque", "« Sud » n'est pas une valeur possible de ce filtre.")]
    public async Task WrongFilter_SaysWhyUnderIt_ListsNothing_ExportsNothing(string query, string field, string message)
    {
        using var agent = await FilesStaff.SignInAsync(server);

        var (response, page) = await agent.GetAsync($"{Journal}?{query}");
        var (export, exportPage) = await agent.GetAsync($"{Journal}?handler=Exporter&{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<span id=\"{field}-erreur\" class=\"erreur\">{message}</span>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"journal\"", page, StringComparison.Ordinal);
        Assert.Equal("text/html", export.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<span id=\"{field}-erreur\" class=\"erreur\">{message}</span>", exportPage, StringComparison.Ordinal);
        Assert.False(await server.InDbAsync(db =>
            db.AuditEntries.AnyAsync(e => e.Actor == agent.AuditName && e.Event == AuditEvents.AuditTrailExported)));
    }

    [Fact]
    public async Task ForgedCursor_SaysSoAtTheTop()
    {
        using var agent = await FilesStaff.SignInAsync(server);

        var (_, page) = await agent.GetAsync($"{Journal}?curseur=pas-un-curseur");

        Assert.Contains("<p class=\"erreur\" role=\"alert\">Ce lien de pagination n'est pas valide : revenez à la première page.</p>", page,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_EveryPageOfTheSelection_AsAFrenchCsvNamedWithTheDate_AndTheExportIsAudited()
    {
        using var agent = await FilesStaff.SignInAsync(server);
        var actor = TestAuditTrail.Tag();
        var start = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 60; i++)
        {
            await _trail.AddAsync(actor, start.AddMinutes(i), subject: i == 59 ? "=HYPERLINK(\"http://x\")" : $"s{i}");
        }

        var (_, page) = await agent.GetAsync($"{Journal}?acteur={actor}");
        using var response = await agent.Visitor.GetAsync(Link(page, "Exporter la sélection en CSV"));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"^journal-audit-\d{4}-\d{2}-\d{2}-\d{4}\.csv$", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("N°;Date (heure de Paris);Acteur;", lines[0], StringComparison.Ordinal);
        Assert.Equal(61, lines.Length);
        Assert.Contains(";2025-03-01T09:59:00+01:00;" + actor + ";Compte modifié;account.modified;;\"'=HYPERLINK(\"\"http://x\"\")\";", lines[1],
            StringComparison.Ordinal);
        Assert.Contains(";2025-03-01T09:00:00+01:00;" + actor + ";Compte modifié;account.modified;;s0;", lines[60], StringComparison.Ordinal);
        var exported = await server.InDbAsync(db =>
            db.AuditEntries.SingleAsync(e => e.Actor == agent.AuditName && e.Event == AuditEvents.AuditTrailExported));
        Assert.Equal(("127.0.0.1", $"actor={actor}"), (exported.RemoteAddress, exported.Detail));
    }

    private static List<long> Rows(string page)
    {
        var start = page.IndexOf("class=\"journal\"", StringComparison.Ordinal);
        return start < 0
            ? []
            : [.. EntryRow().Matches(page[start..]).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];
    }

    private static List<string> Cells(string page, long id)
    {
        var row = page[page.IndexOf($"<tr data-entry=\"{id}\">", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        return
        [
            .. Cell().Matches(row)
                .Select(m => WebUtility.HtmlDecode(Regex.Replace(Tag().Replace(m.Groups[1].Value, string.Empty), @"\s+", " ").Trim())),
        ];
    }

    private static string Link(string page, string text) => LinkOrNull(page, text) ?? throw new InvalidOperationException($"No link {text}.");

    private static string? LinkOrNull(string page, string text) =>
        Regex.Match(page, $"<a (?:class=\"[^\"]+\" )?href=\"([^\"]+)\"[^>]*>{Regex.Escape(text)}</a>") is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;

    [GeneratedRegex("<tr data-entry=\"(\\d+)\">")]
    private static partial Regex EntryRow();

    [GeneratedRegex("<td>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}

public sealed class AuditTrailPagesTestsOnSqlite(SqliteServerFixture server) : AuditTrailPagesTests(server), IClassFixture<SqliteServerFixture>;

public sealed class AuditTrailPagesTestsOnPostgres(PostgresServerFixture server) : AuditTrailPagesTests(server), IClassFixture<PostgresServerFixture>;
