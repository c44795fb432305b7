using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Guichet.Server.Tests.Partners;

/// <summary>
/// The Partenaire guide's journey in a real Chromium, by its words: "Créer un compte" on /partenaire, the validation
/// email through the real SMTP server, "Valider la création de mon compte", "Se connecter", the no-access page; then, the
/// accesses open, the establishments and one of them; another body's SIRET by address is refused. Axe checks every page.
/// </summary>
public sealed class PartnerBrowserTests(PortalServer server, BrowserFixture browser) : IClassFixture<PortalServer>, IClassFixture<BrowserFixture>
{
    private int _shots;

    [Fact]
    public async Task SignUpValidateSignIn_NoAccessPage_ThenTheGrantedEstablishments()
    {
        var email = PortalServer.NewEmail("of");
        await using var context = await BackOfficeBrowser.NewContextAsync(browser, server, 1024, 768);
        var page = await context.NewPageAsync();
        var main = page.Locator("main");
        ILocator Field(string label) => main.GetByLabel(label, new LocatorGetByLabelOptions { Exact = true });
        Task Click(string button) => main.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = button, Exact = true }).ClickAsync();
        Task Follow(string link) => main.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = link, Exact = true }).ClickAsync();
        Task ExpectTitle(string title) => Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync(title);
        Task ExpectText(string text) => Assertions.Expect(main).ToContainTextAsync(text);

        await page.GotoAsync("/partenaire/connexion");
        await ExpectTitle("Connexion");
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync("Guichet Web Services Partenaire");
        await CheckAsync(page, "connexion");
        await Follow("Créer un compte");
        await ExpectTitle("Créer un compte");
        await Field("Email").FillAsync(email);
        await Field("Confirmer votre Email").FillAsync(email);
        await Field("Mot de passe").FillAsync(PortalServer.Password);
        await Field("Confirmer le mot de passe").FillAsync(PortalServer.Password);
        await Field("Prénom").FillAsync("Odile");
        await Field("Nom").FillAsync("Formatrice");
        await CheckAsync(page, "inscription");
        await Click("Créer le compte");

        await ExpectTitle("Validation de compte");
        await ExpectText($"Un message de validation a été envoyé sur votre email : {email}.");
        await Assertions.Expect(main.GetByRole(AriaRole.Button, new() { Name = "Renvoyer à nouveau l'email" })).ToBeVisibleAsync();
        await Assertions.Expect(main.GetByRole(AriaRole.Link, new() { Name = "Retour à la connexion" })).ToBeVisibleAsync();
        await CheckAsync(page, "email-envoye");

        var mail = (await server.WaitForMailAsync(email, "Validez la création de votre compte")).Single();
        var link = PortalServer.LinkIn(mail, "compte/valider?jeton=");
        Assert.StartsWith(new Uri(server.BaseAddress, "partenaire/compte/valider?jeton=").ToString(), link, StringComparison.Ordinal);
        await page.GotoAsync(link);
        await ExpectTitle("Valider la création de mon compte");
        await CheckAsync(page, "valider");
        await Click("Valider la création de mon compte");
        await ExpectText("Félicitations, votre compte a bien été validé. Vous pouvez maintenant vous connecter à votre espace Web services :");
        await CheckAsync(page, "compte-valide");

        await Follow("Se connecter");
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(server.BaseAddress, "partenaire/connexion").ToString());
        await Field("Adresse électronique").FillAsync(email);
        await Field("Mot de passe").FillAsync(PortalServer.Password);
        await Click("Se connecter");
        await ExpectTitle("Demander l'accès au Web Services Partenaire");
        await ExpectText("Vous ne possédez pas encore les autorisations pour accéder au Portail OF de l'Opcommerce.");
        await ExpectText("A noter : cette demande se fait en prenant directement contact avec votre/vos interlocuteur(s) de l'Opcommerce.");
        await Assertions.Expect(main.GetByRole(AriaRole.Link, new() { Name = "Retrouver votre contact de l'Opcommerce" }))
            .ToHaveAttributeAsync("href", "https://www.lopcommerce.com/nous-contacter");
        await CheckAsync(page, "sans-acces");

        // Staff open two establishments of one training body and one of another (the back office's grant is tested on its own).
        var personId = await server.InDbAsync(db => db.People.Where(p => p.Email == email).Select(p => p.Id).SingleAsync());
        var (body, otherBody) = (Sirens.Unique(), Sirens.Unique());
        var first = await server.NewEstablishmentAsync("Centre de formation Horizon", body);
        var second = await server.NewEstablishmentAsync("Centre de formation Horizon — Lyon", body);
        var third = await server.NewEstablishmentAsync("Institut Boussole", otherBody);
        var refused = await server.NewEstablishmentAsync("Institut Boussole — Nantes", otherBody);
        await server.GrantAsync(personId, first, second, third);
        await page.ReloadAsync();

        await ExpectTitle("Vos établissements");
        Assert.Equal(2, await main.Locator("section").CountAsync());
        var shown = await main.Locator("tr[data-siret]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.siret)");
        Assert.Equal(new[] { first.Siret, second.Siret, third.Siret }.Order(StringComparer.Ordinal), shown.Order(StringComparer.Ordinal));
        await ExpectText("Demandes de prise en charge");
        await CheckAsync(page, "etablissements");

        await main.Locator($"tr[data-siret='{third.Siret}'] a").ClickAsync();
        await ExpectTitle("Institut Boussole");
        await CheckAsync(page, "etablissement");

        await page.GotoAsync($"/partenaire/etablissements/{refused.Siret}");
        await ExpectTitle("Page introuvable");
        await ExpectNoTextAsync(main, refused.Name);
        await CheckAsync(page, "introuvable");
        await Follow("Retour à l'accueil");
        await ExpectTitle("Vos établissements");

        await page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await ExpectTitle("Connexion");
        await ExpectText("Vous êtes déconnecté.");
    }

    private static Task ExpectNoTextAsync(ILocator main, string text) => Assertions.Expect(main).Not.ToContainTextAsync(text);

    private Task CheckAsync(IPage page, string step) => BackOfficeBrowser.ShotAndAxeAsync(page, $"partenaire-{++_shots:00}-{step}");
}
