using System.Text;
using Guichet.Domain.Auditing;
using Guichet.Server.Tests.BackOffice;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Guichet.Server.Tests.Auditing;

/// <summary>
/// An agent in a real Chromium filters the audit trail on their own sign-ins, then exports the selection: the file
/// downloaded is read back line by line. Axe checks the page, filtered and with a wrong filter.
/// </summary>
public sealed class AuditTrailBrowserTests(SqliteServerFixture server, BrowserFixture browser)
    : IClassFixture<SqliteServerFixture>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Agent_FiltersTheTrail_ExportsTheSelection_TheFileHoldsItsLines()
    {
        using var agent = await FilesStaff.SignInAsync(server);
        await using var context = await BackOfficeBrowser.NewContextAsync(browser, server);
        await agent.AddCookiesToAsync(context);
        var page = await context.NewPageAsync();
        var main = page.Locator("main");

        await page.GotoAsync("/back-office/journal");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Journal d'audit");
        await main.GetByLabel("Du", new() { Exact = true }).FillAsync("demain");
        await main.GetByRole(AriaRole.Button, new() { Name = "Filtrer", Exact = true }).ClickAsync();
        await Assertions.Expect(main.Locator("#du-erreur")).ToContainTextAsync("Date invalide");
        await BackOfficeBrowser.ShotAndAxeAsync(page, "back-office-journal-01-erreur");

        await main.GetByLabel("Du", new() { Exact = true }).FillAsync(string.Empty);
        await main.GetByLabel("Acteur", new() { Exact = true }).FillAsync(agent.AuditName);
        await main.GetByLabel("Événement", new() { Exact = true }).SelectOptionAsync(AuditEvents.StaffSignedIn);
        await main.GetByRole(AriaRole.Button, new() { Name = "Filtrer", Exact = true }).ClickAsync();
        await Assertions.Expect(main.Locator("table.journal tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(main.Locator("table.journal tbody tr")).ToContainTextAsync("Connexion au back office");
        await BackOfficeBrowser.ShotAndAxeAsync(page, "back-office-journal-02-filtre");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            main.GetByRole(AriaRole.Link, new() { Name = "Exporter la sélection en CSV", Exact = true }).ClickAsync());
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Matches(@"^journal-audit-\d{4}-\d{2}-\d{2}-\d{4}\.csv$", download.SuggestedFilename);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("N°;Date (heure de Paris);Acteur;Événement;Code de l'événement;", lines[0], StringComparison.Ordinal);
        var fields = lines[1].Split(';');
        Assert.Equal([agent.AuditName, "Connexion au back office", AuditEvents.StaffSignedIn, "127.0.0.1", "totp enrolment"],
            [fields[2], fields[3], fields[4], fields[9], fields[10]]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$", fields[1]);
    }
}
