using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Guichet.Server.Tests.Browser;

/// <summary>What a browser can do against the portal's protections: forged forms, open redirects, cookie theft.</summary>
public sealed class SecurityBrowserTests(PortalServer server, BrowserFixture browser) : IClassFixture<PortalServer>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task SignUpWithWrongAntiforgeryToken_Is400AndCreatesNobody()
    {
        var email = PortalServer.NewEmail();
        await using var visitor = await PortalVisitor.OpenAsync(browser, server, "faussaire");
        await visitor.GotoAsync("/inscription");
        await visitor.Field("Email").FillAsync(email);
        await visitor.Field("Confirmer votre Email").FillAsync(email);
        await visitor.Field("Mot de passe").FillAsync(PortalServer.Password);
        await visitor.Field("Confirmer le mot de passe").FillAsync(PortalServer.Password);
        await visitor.Field("Prénom").FillAsync("Fanny");
        await visitor.Field("Nom").FillAsync("Faussaire");
        var forged = await visitor.Page.EvaluateAsync<string>(
            "() => { const input = document.querySelector('form input[name=__RequestVerificationToken]'); "
            + "input.value = input.value.split('').reverse().join(''); return input.value; }");
        Assert.False(string.IsNullOrEmpty(forged));

        var response = await visitor.Page.RunAndWaitForResponseAsync(
            () => visitor.ClickAsync("Créer le compte"),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/inscription");

        Assert.Equal(400, response.Status);
        await visitor.ExpectTitleAsync("Formulaire expiré");
        await visitor.ShotAsync("erreur-400");
        Assert.False(await server.InDbAsync(db => db.People.AnyAsync(p => p.Email == email)));
        Assert.False(await server.InDbAsync(db => db.MailOutbox.AnyAsync(m => m.Recipient == email)));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task LoginWithForeignReturnAddress_StaysOnTheServer(string retour)
    {
        var person = await server.CreatePersonAsync("Rita", "Retour");
        await using var visitor = await PortalVisitor.OpenAsync(browser, server, "rita");
        await visitor.GotoAsync("/connexion?retour=" + Uri.EscapeDataString(retour));

        await visitor.LoginAsync(person.Email);

        await visitor.ExpectPathAsync("/entreprises/ajouter");
        Assert.Equal(server.BaseAddress.Authority, new Uri(visitor.Page.Url).Authority);
    }

    [Fact]
    public async Task LoggedIn_SessionCookieIsHttpOnlyAndHiddenFromScripts()
    {
        var person = await server.CreatePersonAsync("Hugo", "Cookie");
        await using var visitor = await PortalVisitor.OpenAsync(browser, server, "hugo");
        await visitor.LoginAsync(person.Email);
        await visitor.ExpectPathAsync("/entreprises/ajouter");

        var cookies = await visitor.CookiesAsync();

        var session = Assert.Single(cookies, c => c.Name == "guichet.portal");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, session.SameSite);
        Assert.True(Assert.Single(cookies, c => c.Name == "guichet.antiforgery").HttpOnly);
        Assert.DoesNotContain("guichet.", await visitor.Page.EvaluateAsync<string>("() => document.cookie"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogoutPage_SignsOut()
    {
        var person = await server.CreatePersonAsync("Louis", "Sortant");
        await using var visitor = await PortalVisitor.OpenAsync(browser, server, "louis");
        await visitor.LoginAsync(person.Email);
        await visitor.ExpectPathAsync("/entreprises/ajouter");

        await visitor.LogoutAsync();

        await visitor.GotoAsync("/outils");
        Assert.Equal("/connexion", new Uri(visitor.Page.Url).AbsolutePath);
    }

    [Fact]
    public async Task HeaderLogoutButton_SignsOut()
    {
        var person = await server.CreatePersonAsync("Louis", "Entete");
        await using var visitor = await PortalVisitor.OpenAsync(browser, server, "louis");
        await visitor.LoginAsync(person.Email);
        await visitor.ExpectPathAsync("/entreprises/ajouter");

        var response = await visitor.Page.RunAndWaitForResponseAsync(
            () => visitor.Page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Se déconnecter", Exact = true }).ClickAsync(),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/deconnexion");

        Assert.Equal(302, response.Status);
        await visitor.ExpectTitleAsync("Connexion");
        await visitor.ExpectTextAsync("Vous êtes déconnecté.");
        await visitor.ShotAsync("deconnecte");
        await visitor.GotoAsync("/outils");
        Assert.Equal("/connexion", new Uri(visitor.Page.Url).AbsolutePath);
    }
}
