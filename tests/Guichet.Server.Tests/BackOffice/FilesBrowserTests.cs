using Guichet.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Guichet.Server.Tests.BackOffice;

/// <summary>
/// A file registered over SOAP taken to REGISTERED by an agent in a real Chromium: found in the list by its folder
/// number, validated and enrolled from its page, finished by the enrolment worker. Axe checks the three pages.
/// </summary>
public sealed class FilesBrowserTests(SqliteServerFixture server, BrowserFixture browser)
    : IClassFixture<SqliteServerFixture>, IClassFixture<BrowserFixture>
{
    private int _shots;

    [Fact]
    public async Task FileRegisteredOverSoap_FoundValidatedAndEnrolledByAnAgent_IsRegistered()
    {
        var tenant = await server.SharedTenantAsync();
        var registered = await tenant.RegisterPrimaryAsync();
        Assert.Equal(Guichet.Server.Soap.Contract.AccountState.WAIT_FOR_FILES, registered.State);
        using var agent = await FilesStaff.SignInAsync(server);
        await using var context = await BackOfficeBrowser.NewContextAsync(browser, server);
        await agent.AddCookiesToAsync(context);
        var page = await context.NewPageAsync();
        var main = page.Locator("main");

        await page.GotoAsync("/back-office/dossiers");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Dossiers d'inscription");
        await main.GetByLabel("Recherche", new() { Exact = true }).FillAsync(registered.FolderNumber);
        await main.GetByRole(AriaRole.Button, new() { Name = "Filtrer", Exact = true }).ClickAsync();
        await Assertions.Expect(main.Locator("table.dossiers tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(main.Locator("table.dossiers tbody tr")).ToContainTextAsync(registered.Login);
        await ShotAndAxeAsync(page, "liste");

        await main.GetByRole(AriaRole.Link, new() { Name = registered.FolderNumber, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync($"Dossier {registered.FolderNumber}");
        await Assertions.Expect(main.Locator("dd.etat")).ToHaveTextAsync("WAIT_FOR_FILES — Dossier en attente des pièces à envoyer par courrier");
        await ShotAndAxeAsync(page, "dossier");

        await main.GetByRole(AriaRole.Button, new() { Name = "Valider", Exact = true }).ClickAsync();
        await Assertions.Expect(main.Locator("p.message")).ToContainTextAsync("« Valider » appliqué");
        await Assertions.Expect(main.Locator("dd.etat")).ToHaveTextAsync("BO_VALIDATED — Dossier validé par le BO");
        await main.GetByRole(AriaRole.Button, new() { Name = "Enrôler", Exact = true }).ClickAsync();
        await Assertions.Expect(main.Locator("p.message")).ToContainTextAsync("« Enrôler » appliqué");

        // The enrolment worker polls every 200 ms in tests: the page, reloaded, shows its result.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(await main.Locator("dd.etat").InnerTextAsync()).StartsWith("REGISTERED", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(300);
            await page.ReloadAsync();
        }

        await Assertions.Expect(main.Locator("dd.etat")).ToHaveTextAsync("REGISTERED — Dossier ouvert");
        await Assertions.Expect(main.Locator("table.journal")).ToContainTextAsync(agent.AuditName);
        await ShotAndAxeAsync(page, "enrole");

        await page.GotoAsync("/back-office");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Tableau de bord");
        await ShotAndAxeAsync(page, "tableau-de-bord");
    }

    private Task ShotAndAxeAsync(IPage page, string step) => BackOfficeBrowser.ShotAndAxeAsync(page, $"back-office-dossiers-{++_shots:00}-{step}");
}
