using Guichet.Domain.Security;
using Guichet.Domain.Staff;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Guichet.Server.Tests.Browser;

/// <summary>
/// The Équipe pages in a real browser, by their French labels: an administrator adds an agent (one-time password shown
/// once), resets them (a new one replaces it), disables and re-enables them; the agent's sign-in takes only the last
/// one-time password; an agent meets the access-denied page. Axe checks every page.
/// </summary>
public sealed class TeamBrowserTests(SqliteServerFixture server, BrowserFixture browser)
    : IClassFixture<SqliteServerFixture>, IClassFixture<BrowserFixture>
{
    private int _shots;

    [Fact]
    public async Task Administrator_AddsResetsDisablesAndEnablesAnAgent_WhoSignsInWithTheLastOneTimePasswordOnly()
    {
        using var administrator = await SignedInStaff.SignInAsync(server, StaffRole.Administrator, "Alice Administratrice");
        await using var context = await BackOfficeBrowser.NewContextAsync(browser, server);
        await administrator.AddCookiesToAsync(context);
        var page = await context.NewPageAsync();
        var main = page.Locator("main");
        var email = $"zoe-{Guid.NewGuid():N}@guichet.test";

        await page.GotoAsync("/back-office/equipe");
        await ExpectTitle(page, "Équipe");
        await CheckAsync(page, "equipe");
        await main.GetByRole(AriaRole.Link, new() { Name = "Ajouter un membre" }).ClickAsync();
        await ExpectTitle(page, "Ajouter un membre");
        await CheckAsync(page, "ajouter");
        await Field(main, "Adresse électronique").FillAsync(email);
        await Field(main, "Nom").FillAsync("Zoé Nouvelle");
        await Field(main, "Rôle").SelectOptionAsync("agent");
        await Click(main, "Créer le compte");
        await ExpectTitle(page, "Membre ajouté");
        var first = await main.Locator("#mot-de-passe").InnerTextAsync();
        await CheckAsync(page, "membre-ajoute");

        await main.GetByRole(AriaRole.Link, new() { Name = "Retour à l'équipe" }).ClickAsync();
        await Assertions.Expect(main.Locator($"tr[data-email='{email}']")).ToContainTextAsync("Première connexion à faire");
        await main.GetByRole(AriaRole.Link, new() { Name = "Gérer Zoé Nouvelle" }).ClickAsync();
        await ExpectTitle(page, "Zoé Nouvelle");
        await CheckAsync(page, "membre");
        await main.GetByLabel("Je confirme la réinitialisation de ce compte").CheckAsync();
        await Click(main, "Réinitialiser");
        await ExpectTitle(page, "Compte réinitialisé");
        var second = await main.Locator("#mot-de-passe").InnerTextAsync();
        Assert.NotEqual(first, second);
        await CheckAsync(page, "reinitialise");

        await main.GetByRole(AriaRole.Link, new() { Name = "Retour à l'équipe" }).ClickAsync();
        await main.GetByRole(AriaRole.Link, new() { Name = "Gérer Zoé Nouvelle" }).ClickAsync();
        await main.GetByLabel("Je confirme la désactivation de ce compte").CheckAsync();
        await Click(main, "Désactiver");
        await ExpectTitle(page, "Équipe");
        await Assertions.Expect(main.Locator($"tr[data-email='{email}']")).ToContainTextAsync("Désactivé");
        await CheckAsync(page, "desactive");
        await main.GetByRole(AriaRole.Link, new() { Name = "Gérer Zoé Nouvelle" }).ClickAsync();
        await Click(main, "Réactiver");
        await Assertions.Expect(main.Locator($"tr[data-email='{email}']")).ToContainTextAsync("Première connexion à faire");

        await using var agentContext = await BackOfficeBrowser.NewContextAsync(browser, server);
        var agentPage = await agentContext.NewPageAsync();
        var agentMain = agentPage.Locator("main");
        await agentPage.GotoAsync("/back-office");
        foreach (var password in new[] { first, second })
        {
            await Field(agentMain, "Adresse électronique").FillAsync(email);
            await Field(agentMain, "Mot de passe").FillAsync(password);
            await Click(agentMain, "Se connecter");
            await ExpectTitle(agentPage, password == first ? "Connexion au back office" : "Choisir votre mot de passe");
            server.Clock.Advance(LoginThrottle.WaitAfter(1)); // The brake after the refused one.
        }
    }

    [Fact]
    public async Task Agent_OpeningTheTeamPage_SeesTheAccessDeniedPage_WithNoTeamOnIt()
    {
        using var agent = await SignedInStaff.SignInAsync(server, StaffRole.Agent);
        await using var context = await BackOfficeBrowser.NewContextAsync(browser, server);
        await agent.AddCookiesToAsync(context);
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/back-office/equipe");

        Assert.Equal(403, response!.Status);
        await ExpectTitle(page, "Accès refusé");
        await Assertions.Expect(page.Locator("main table")).ToHaveCountAsync(0);
        await CheckAsync(page, "acces-refuse");
    }

    private static ILocator Field(ILocator main, string label) => main.GetByLabel(label, new() { Exact = true });

    private static Task Click(ILocator main, string button) => main.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    private static Task ExpectTitle(IPage page, string title) => Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync(title);

    private Task CheckAsync(IPage page, string step) => BackOfficeBrowser.ShotAndAxeAsync(page, $"back-office-equipe-{++_shots:00}-{step}");
}
