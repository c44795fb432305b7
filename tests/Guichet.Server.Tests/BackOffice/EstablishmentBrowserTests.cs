using System.Text;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.Partners;
using Guichet.Server.Tests.Portal;
using Microsoft.Playwright;

namespace Guichet.Server.Tests.BackOffice;

/// <summary>
/// The establishments in a real Chromium: an agent uploads a CSV, reads the preview (one establishment added, one
/// changed), applies it, then finds an establishment by SIRET, its training body by SIREN and another by name, and opens
/// one with the people who hold access to it. Axe checks every page.
/// </summary>
public sealed class EstablishmentBrowserTests(SqliteServerFixture server, BrowserFixture browser)
    : IClassFixture<SqliteServerFixture>, IClassFixture<BrowserFixture>
{
    private int _shots;

    [Fact]
    public async Task Agent_UploadsPreviewsAndAppliesTheEstablishments_ThenFindsThemBySiretSirenAndName()
    {
        var siren = Sirens.Unique();
        var existing = await server.NewEstablishmentAsync("Atelier Ancien", siren, "1 rue A", "69001", "Lyon");
        var email = PortalSteps.UniqueEmail();
        await server.HolderAsync(existing, email, "Zoé", "Abel", server.Clock.GetUtcNow());
        var added = Sirets.Unique(siren);
        var name = "Académie Numérique " + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var csv = "siret;nom;adresse;code_postal;ville\n"
            + $"{existing.Siret};Atelier Nouveau;1 rue A;69001;Lyon\n{added};{name};12 quai Sud;13002;Marseille\n";
        using var agent = await FilesStaff.SignInAsync(server);
        await using var context = await BackOfficeBrowser.NewContextAsync(browser, server);
        await agent.AddCookiesToAsync(context);
        var page = await context.NewPageAsync();
        var main = page.Locator("main");

        await page.GotoAsync("/back-office");
        await page.Locator("nav").GetByRole(AriaRole.Link, new() { Name = "Établissements" }).ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Établissements");
        await ShotAndAxeAsync(page, "liste");
        await main.GetByRole(AriaRole.Link, new() { Name = "Importer les établissements (CSV)" }).ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Importer les établissements");
        await ShotAndAxeAsync(page, "import");

        // A wrong file first: refused with its line, nothing kept.
        await main.GetByLabel("Fichier des établissements").SetInputFilesAsync(new FilePayload
        {
            Name = "etablissements.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("siret;nom;adresse;code_postal;ville\n12345678901234;;;;\n"),
        });
        await main.GetByRole(AriaRole.Button, new() { Name = "Voir l'aperçu" }).ClickAsync();
        await Assertions.Expect(main.Locator("ul.lignes-refusees li").First).ToContainTextAsync("ligne 2");
        await ShotAndAxeAsync(page, "refus");

        await main.GetByLabel("Fichier des établissements").SetInputFilesAsync(new FilePayload
        {
            Name = "etablissements.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await main.GetByRole(AriaRole.Button, new() { Name = "Voir l'aperçu" }).ClickAsync();

        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Aperçu de l'import des établissements");
        await Assertions.Expect(main.Locator("#ajoutes")).ToHaveTextAsync("1");
        await Assertions.Expect(main.Locator("#modifies")).ToHaveTextAsync("1");
        await Assertions.Expect(main.Locator($"table.ajouts tr[data-siret='{added}']")).ToContainTextAsync(name);
        await Assertions.Expect(main.Locator($"table.changements tr[data-siret='{existing.Siret}']"))
            .ToContainTextAsync("Atelier Ancien → Atelier Nouveau");
        await ShotAndAxeAsync(page, "apercu");
        await main.GetByRole(AriaRole.Button, new() { Name = "Appliquer l'import" }).ClickAsync();

        await Assertions.Expect(main.Locator("p.message")).ToHaveTextAsync(
            "Import appliqué : 1 établissement(s) ajouté(s), 1 modifié(s), 0 inchangé(s).");
        var search = main.GetByLabel("SIRET, SIREN ou début du nom");
        await search.FillAsync(Sirets.Spaced(added));
        await main.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await Assertions.Expect(main.Locator("table.etablissements tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(main.Locator("table.etablissements tbody tr")).ToContainTextAsync("13002 Marseille");

        await search.FillAsync(siren);
        await main.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await Assertions.Expect(main.Locator("table.etablissements tbody tr")).ToHaveCountAsync(2);

        await search.FillAsync(name.ToLowerInvariant().Replace("é", "e", StringComparison.Ordinal)[..20]);
        await main.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await Assertions.Expect(main.Locator($"tr[data-siret='{added}']")).ToContainTextAsync(name);
        await ShotAndAxeAsync(page, "recherche");

        await search.FillAsync(existing.Siret);
        await main.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await main.GetByRole(AriaRole.Link, new() { Name = Sirets.Spaced(existing.Siret), Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Atelier Nouveau");
        await Assertions.Expect(main.Locator($"table.habilites tr[data-email='{email}']")).ToContainTextAsync("Zoé Abel");
        await ShotAndAxeAsync(page, "etablissement");
    }

    private Task ShotAndAxeAsync(IPage page, string step) =>
        BackOfficeBrowser.ShotAndAxeAsync(page, $"back-office-etablissements-{++_shots:00}-{step}");
}
