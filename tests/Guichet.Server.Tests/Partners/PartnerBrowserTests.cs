using Guichet.Server.Tests.BackOffice;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Guichet.Server.Tests.Partners;

/// <summary>
/// The Partenaire guide's journey in a real Chromium, by its words: "Créer un compte" on /partenaire, the validation
/// email through the real SMTP server, "Valider la création de mon compte", "Se connecter", the no-access page; then an
/// agent opens access in the back office, the confirmation email arrives, the person sees the establishments and one of
/// them; another body's SIRET by address is refused; a removal is emailed and closes the page. Axe checks every page.
/// </summary>
public sealed class PartnerBrowserTests(PortalServer server, BrowserFixture browser) : IClassFixture<PortalServer>, IClassFixture<BrowserFixture>
{
    private int _shots;

    [Fact]
    public async Task GuideJourney_SignUpValidateSignIn_AccessOpenedByStaff_EmailedAndShown_ThenARemoval()
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

        var mail = (await server.WaitForMailAsync(email, "Validation de création de compte")).Single();
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
        await Field("Email").FillAsync(email);
        await Field("Mot de passe").FillAsync(PortalServer.Password);
        await Click("Se connecter");
        await ExpectTitle("Demander l'accès au Web Services Partenaire");
        await ExpectText("Vous ne possédez pas encore les autorisations pour accéder au Portail OF de l'Opcommerce.");
        await ExpectText("A noter : cette demande se fait en prenant directement contact avec votre/vos interlocuteur(s) de l'Opcommerce.");
        await Assertions.Expect(main.GetByRole(AriaRole.Link, new() { Name = "Retrouver votre contact de l'Opcommerce" }))
            .ToHaveAttributeAsync("href", "https://www.lopcommerce.com/nous-contacter");
        await CheckAsync(page, "sans-acces");

        // An agent opens, in the back office, two establishments of one training body (one created on the spot) and one of
        // another body; a fourth establishment of that other body stays closed.
        var (body, otherBody) = (Sirens.Unique(), Sirens.Unique());
        var first = await server.NewEstablishmentAsync("Centre de formation Horizon", body);
        var second = Sirets.Unique(body);
        var third = await server.NewEstablishmentAsync("Institut Boussole", otherBody);
        var refused = await server.NewEstablishmentAsync("Institut Boussole — Nantes", otherBody);
        using var agent = await FilesStaff.SignInAsync(server);
        await using var staffContext = await BackOfficeBrowser.NewContextAsync(browser, server);
        await agent.AddCookiesToAsync(staffContext);
        var staff = await staffContext.NewPageAsync();
        var desk = staff.Locator("main");
        await staff.GotoAsync("/back-office/partenaires");
        await desk.GetByLabel("Adresse électronique ou nom").FillAsync(email);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await desk.GetByRole(AriaRole.Link, new() { Name = email }).ClickAsync();
        await Assertions.Expect(staff.Locator("main h1")).ToHaveTextAsync("Odile Formatrice");
        await desk.GetByLabel("SIRET des établissements (un par ligne)").FillAsync($"{first.Siret}\n{Sirets.Spaced(second)}\n{third.Siret}");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Ouvrir l'accès" }).ClickAsync();
        var created = desk.Locator($"fieldset[data-siret='{second}']");
        await created.GetByLabel("Nom (obligatoire)").FillAsync("Centre de formation Horizon — Lyon");
        await created.GetByLabel("Adresse", new() { Exact = true }).FillAsync("8 rue Mercière");
        await created.GetByLabel("Code postal").FillAsync("69002");
        await created.GetByLabel("Ville").FillAsync("Lyon");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Créer et ouvrir l'accès" }).ClickAsync();
        await Assertions.Expect(desk.Locator("table.etablissements tbody tr")).ToHaveCountAsync(3);
        await CheckAsync(staff, "back-office-acces-ouvert");

        // "Vous recevez un mail de confirmation d'ouverture d'accès", through the real SMTP server.
        var opened = (await server.WaitForMailAsync(email, "Ouverture de votre accès au Web Services Partenaire")).Single();
        foreach (var line in new[] { $"SIRET {first.Siret} : Centre de formation Horizon", $"SIRET {second} : Centre de formation Horizon — Lyon",
            $"SIRET {third.Siret} : Institut Boussole" })
        {
            Assert.Contains(line, opened.TextBody, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(refused.Siret, opened.TextBody, StringComparison.Ordinal);
        Assert.Contains(new Uri(server.BaseAddress, "partenaire/connexion").ToString(), opened.TextBody, StringComparison.Ordinal);
        await page.ReloadAsync();

        await ExpectTitle("Vos établissements");
        Assert.Equal(2, await main.Locator("section").CountAsync());
        string[] granted = [first.Siret, second, third.Siret];
        Assert.Equal(granted.Order(StringComparer.Ordinal), (await ShownSiretsAsync(main)).Order(StringComparer.Ordinal));
        await ExpectText("8 rue Mercière");
        await ExpectText("Demandes de prise en charge");
        await CheckAsync(page, "etablissements");

        await main.Locator($"tr[data-siret='{third.Siret}'] a").ClickAsync();
        await ExpectTitle("Institut Boussole");
        await CheckAsync(page, "etablissement");

        // A person of one body trying the other establishment of a body they reach, or one they were never granted.
        await page.GotoAsync($"/partenaire/etablissements/{refused.Siret}");
        await ExpectTitle("Page introuvable");
        await ExpectNoTextAsync(main, refused.Name);
        await CheckAsync(page, "introuvable");
        await Follow("Retour à l'accueil");
        await ExpectTitle("Vos établissements");

        // The agent removes one access: the person is told by email and no longer reaches it.
        await desk.GetByRole(AriaRole.Button, new() { Name = $"Retirer l'accès à Institut Boussole ({third.Siret})" }).ClickAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Confirmer le retrait" }).ClickAsync();
        await Assertions.Expect(desk.Locator("table.etablissements tbody tr")).ToHaveCountAsync(2);
        var removed = (await server.WaitForMailAsync(email, "Retrait de votre accès à un établissement")).Single();
        Assert.Contains($"SIRET {third.Siret} : Institut Boussole", removed.TextBody, StringComparison.Ordinal);
        await page.ReloadAsync();
        Assert.Equal(new[] { first.Siret, second }.Order(StringComparer.Ordinal), (await ShownSiretsAsync(main)).Order(StringComparer.Ordinal));
        await page.GotoAsync($"/partenaire/etablissements/{third.Siret}");
        await ExpectTitle("Page introuvable");
        await Follow("Retour à l'accueil");

        await page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await ExpectTitle("Connexion");
        await ExpectText("Vous êtes déconnecté.");
    }

    private static Task<string[]> ShownSiretsAsync(ILocator main) =>
        main.Locator("tr[data-siret]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.siret)");

    private static Task ExpectNoTextAsync(ILocator main, string text) => Assertions.Expect(main).Not.ToContainTextAsync(text);

    private Task CheckAsync(IPage page, string step) => BackOfficeBrowser.ShotAndAxeAsync(page, $"partenaire-{++_shots:00}-{step}");
}
