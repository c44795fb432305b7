using Guichet.Domain.Staff;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Guichet.Server.Tests.Browser;

/// <summary>A staff member's first sign-in and a later one in a real browser, by the pages' French labels; axe on the forms.</summary>
public sealed class StaffBrowserTests(SqliteServerFixture server, BrowserFixture browser)
    : IClassFixture<SqliteServerFixture>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task FirstSignIn_PasswordChange_Enrolment_Codes_ThenSignOutAndSignInWithAFreshCode()
    {
        var created = await SignedInStaff.CreateAsync(server, StaffRole.Administrator, "Béatrice Navigatrice");
        await using var context = await BackOfficeBrowser.NewContextAsync(browser, server, 1024, 768);
        var page = await context.NewPageAsync();
        var main = page.Locator("main");
        ILocator Field(string label) => main.GetByLabel(label, new LocatorGetByLabelOptions { Exact = true });
        Task Click(string button) => main.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = button, Exact = true }).ClickAsync();
        Task ExpectTitle(string title) => Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync(title);
        var shots = 0;
        Task Check(string step) => BackOfficeBrowser.ShotAndAxeAsync(page, $"{nameof(StaffBrowserTests)}-{++shots:00}-{step}");

        await page.GotoAsync("/back-office/equipe");
        await ExpectTitle("Connexion au back office");
        await Check("connexion");
        await Field("Adresse électronique").FillAsync(created.Email);
        await Field("Mot de passe").FillAsync(created.OneTimePassword);
        await Click("Se connecter");

        await ExpectTitle("Choisir votre mot de passe");
        await Field("Mot de passe à usage unique").FillAsync(created.OneTimePassword);
        await Field("Nouveau mot de passe").FillAsync(SignedInStaff.Password);
        await Field("Confirmation du nouveau mot de passe").FillAsync(SignedInStaff.Password);
        await Click("Enregistrer le mot de passe");

        await ExpectTitle("Activer l'application d'authentification");
        await Assertions.Expect(main.GetByRole(AriaRole.Img,
                new LocatorGetByRoleOptions { Name = "QR code à scanner avec votre application d'authentification" }))
            .ToBeVisibleAsync();
        // Drawn, not only laid out: the Content-Security-Policy allows data: images.
        Assert.True(await main.Locator("img.qr-code").EvaluateAsync<int>("img => img.naturalWidth") > 0);
        await Check("authentificateur");
        var key = await main.Locator("#cle").InnerTextAsync();
        var secret = OtpNet.Base32Encoding.ToBytes(key.Replace(" ", string.Empty, StringComparison.Ordinal));
        await Field("Code à 6 chiffres").FillAsync(SignedInStaff.Code(server, secret));
        await Click("Activer");

        await ExpectTitle("Codes de secours");
        Assert.Equal(10, await main.Locator("ol.codes-de-secours li").CountAsync());
        await Check("codes-de-secours");
        await main.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "J'ai noté mes codes" }).ClickAsync();

        await ExpectTitle("Équipe");
        await Assertions.Expect(main.Locator($"tr[data-email='{created.Email}']")).ToContainTextAsync("Béatrice Navigatrice");
        await page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await ExpectTitle("Connexion au back office");

        SignedInStaff.IntoNextStep(server);
        await Field("Adresse électronique").FillAsync(created.Email);
        await Field("Mot de passe").FillAsync(SignedInStaff.Password);
        await Click("Se connecter");
        await ExpectTitle("Code de vérification");
        await Check("code");
        await Field("Code à 6 chiffres").FillAsync(SignedInStaff.Code(server, secret));
        await Click("Vérifier");
        await page.GotoAsync("/back-office/equipe");
        await ExpectTitle("Équipe");
        await Assertions.Expect(page.Locator("header .personne")).ToHaveTextAsync("Béatrice Navigatrice");
        await Check("equipe");
    }
}
