using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.Partners;
using Microsoft.Playwright;

namespace Guichet.Server.Tests.BackOffice;

/// <summary>
/// "Accès partenaires" in a real Chromium: an agent finds a person waiting in the queue by name, opens their page, grants
/// two establishments (one created on the spot: the page asks its name and address), then removes one after confirming.
/// Axe checks every page.
/// </summary>
public sealed class PartnerAccessBrowserTests(SqliteServerFixture server, BrowserFixture browser)
    : IClassFixture<SqliteServerFixture>, IClassFixture<BrowserFixture>
{
    private int _shots;

    [Fact]
    public async Task Agent_FindsAPerson_GrantsTwoEstablishmentsOneCreatedOnTheSpot_ThenRemovesOne()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var person = await server.PersonAsync(firstName: "Léa", lastName: "Garnier " + tag,
            createdAt: new DateTimeOffset(2003, 1, 2, 9, 0, 0, TimeSpan.Zero));
        var known = await server.NewEstablishmentAsync("Institut de Formation Rhône");
        var unknown = Sirets.Unique();
        using var agent = await FilesStaff.SignInAsync(server);
        await using var context = await BackOfficeBrowser.NewContextAsync(browser, server);
        await agent.AddCookiesToAsync(context);
        var page = await context.NewPageAsync();
        var main = page.Locator("main");

        await page.GotoAsync("/back-office");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Accès partenaires" }).ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Accès partenaires");
        await Assertions.Expect(main.GetByRole(AriaRole.Heading, new() { Name = "En attente d'ouverture d'accès" })).ToBeVisibleAsync();
        await Assertions.Expect(main.Locator($"tr[data-personne='{person.Id}']")).ToContainTextAsync(person.Email);
        await ShotAndAxeAsync(page, "file-d-attente");

        await main.GetByLabel("Adresse électronique ou nom").FillAsync($"garnier {tag} lea");
        await main.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await Assertions.Expect(main.Locator("table.personnes tbody tr")).ToHaveCountAsync(1);
        await ShotAndAxeAsync(page, "recherche");
        await main.GetByRole(AriaRole.Link, new() { Name = person.Email }).ClickAsync();

        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync($"Léa Garnier {tag}");
        await ShotAndAxeAsync(page, "personne");
        await main.GetByLabel("SIRET des établissements (un par ligne)").FillAsync($"{known.Siret}\n{unknown[..9]} {unknown[9..]}");
        await main.GetByRole(AriaRole.Button, new() { Name = "Ouvrir l'accès" }).ClickAsync();

        await Assertions.Expect(main.GetByRole(AriaRole.Heading, new() { Name = "Établissements à créer" })).ToBeVisibleAsync();
        var created = main.Locator($"fieldset[data-siret='{unknown}']");
        await Assertions.Expect(created.Locator("legend")).ToHaveTextAsync($"Établissement {unknown}");
        await ShotAndAxeAsync(page, "etablissement-a-creer");
        await created.GetByLabel("Nom (obligatoire)").FillAsync("Atelier des Métiers");
        await created.GetByLabel("Adresse", new() { Exact = true }).FillAsync("8 rue Mercière");
        await created.GetByLabel("Code postal").FillAsync("69002");
        await created.GetByLabel("Ville").FillAsync("Lyon");
        await main.GetByRole(AriaRole.Button, new() { Name = "Créer et ouvrir l'accès" }).ClickAsync();

        await Assertions.Expect(main.Locator("p.message")).ToContainTextAsync(
            $"Accès ouvert pour Léa Garnier {tag} : Institut de Formation Rhône ({known.Siret}), Atelier des Métiers ({unknown}).");
        await Assertions.Expect(main.Locator("table.etablissements tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(main.Locator($"tr[data-siret='{unknown}']")).ToContainTextAsync("8 rue Mercière");
        await ShotAndAxeAsync(page, "acces-ouvert");

        await main.GetByRole(AriaRole.Button, new() { Name = $"Retirer l'accès à Atelier des Métiers ({unknown})" }).ClickAsync();
        await Assertions.Expect(main.GetByRole(AriaRole.Heading, new() { Name = "Retirer l'accès à Atelier des Métiers ?" })).ToBeVisibleAsync();
        await ShotAndAxeAsync(page, "confirmer-le-retrait");
        await main.GetByRole(AriaRole.Button, new() { Name = "Confirmer le retrait" }).ClickAsync();

        await Assertions.Expect(main.Locator("p.message"))
            .ToContainTextAsync($"Accès de Léa Garnier {tag} à l'établissement Atelier des Métiers");
        await Assertions.Expect(main.Locator("table.etablissements tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(main.Locator($"tr[data-siret='{known.Siret}']")).ToBeVisibleAsync();
        await ShotAndAxeAsync(page, "acces-retire");
    }

    private Task ShotAndAxeAsync(IPage page, string step) =>
        BackOfficeBrowser.ShotAndAxeAsync(page, $"back-office-partenaires-{++_shots:00}-{step}");
}
