using System.Text;
using Guichet.Domain.Companies;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Guichet.Server.Tests.BackOffice;

/// <summary>
/// The member directory in a real Chromium: an agent uploads a CSV, reads the preview (a company added, one changed),
/// applies it, then finds the companies by SIREN and by name and opens one. Axe checks every page.
/// </summary>
public sealed class DirectoryBrowserTests(SqliteServerFixture server, BrowserFixture browser)
    : IClassFixture<SqliteServerFixture>, IClassFixture<BrowserFixture>
{
    private int _shots;

    [Fact]
    public async Task Agent_UploadsPreviewsAndAppliesTheDirectory_ThenFindsCompaniesBySirenAndName()
    {
        var existing = new Company { Siren = Sirens.Unique(), MemberCode = "ANCIEN-1", Name = "Boulangerie Ancienne" };
        await server.InDbAsync(db =>
        {
            db.Companies.Add(existing);
            return db.SaveChangesAsync();
        });
        var added = Sirens.Unique();
        var name = "Fromagerie Église " + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var csv = $"SIREN;code adhérent;raison sociale\n{existing.Siren};NOUVEAU-1;Boulangerie Nouvelle\n{added};ADH-77;{name}\n";
        using var agent = await FilesStaff.SignInAsync(server);
        await using var context = await BackOfficeBrowser.NewContextAsync(browser, server);
        await agent.AddCookiesToAsync(context);
        var page = await context.NewPageAsync();
        var main = page.Locator("main");

        await page.GotoAsync("/back-office/annuaire");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Annuaire des adhérents");
        await ShotAndAxeAsync(page, "annuaire");
        await main.GetByRole(AriaRole.Link, new() { Name = "Importer l'annuaire (CSV)" }).ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Importer l'annuaire des adhérents");
        await ShotAndAxeAsync(page, "import");
        await main.GetByLabel("Fichier de l'annuaire").SetInputFilesAsync(new FilePayload
        {
            Name = "annuaire.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await main.GetByRole(AriaRole.Button, new() { Name = "Voir l'aperçu" }).ClickAsync();

        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Aperçu de l'import");
        await Assertions.Expect(main.Locator("#ajoutees")).ToHaveTextAsync("1");
        await Assertions.Expect(main.Locator("#modifiees")).ToHaveTextAsync("1");
        await Assertions.Expect(main.Locator($"table.ajouts tr[data-siren='{added}']")).ToContainTextAsync(name);
        await Assertions.Expect(main.Locator($"table.changements tr[data-siren='{existing.Siren}']"))
            .ToContainTextAsync("Boulangerie Ancienne → Boulangerie Nouvelle");
        await ShotAndAxeAsync(page, "apercu");
        await main.GetByRole(AriaRole.Button, new() { Name = "Appliquer l'import" }).ClickAsync();

        await Assertions.Expect(main.Locator("p.message")).ToHaveTextAsync(
            "Import appliqué : 1 entreprise(s) ajoutée(s), 1 modifiée(s), 0 inchangée(s).");
        var search = main.GetByLabel("SIREN, code adhérent ou début de la raison sociale");
        await search.FillAsync(existing.Siren);
        await main.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await Assertions.Expect(main.Locator("table.entreprises tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(main.Locator("table.entreprises tbody tr")).ToContainTextAsync("Boulangerie Nouvelle");

        await search.FillAsync(name.ToLowerInvariant().Replace("é", "e", StringComparison.Ordinal)[..22]);
        await main.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await Assertions.Expect(main.Locator($"tr[data-siren='{added}']")).ToContainTextAsync("ADH-77");
        await ShotAndAxeAsync(page, "recherche");
        await main.GetByRole(AriaRole.Link, new() { Name = added, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync(name);
        await ShotAndAxeAsync(page, "entreprise");
    }

    private Task ShotAndAxeAsync(IPage page, string step) => BackOfficeBrowser.ShotAndAxeAsync(page, $"back-office-annuaire-{++_shots:00}-{step}");
}
