using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Guichet.Server.Tests.Browser;

public sealed class PasswordBrowserTests(PortalServer server, BrowserFixture browser) : IClassFixture<PortalServer>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task LostPassword_NewOneWorksOldOneFailsAndOtherSessionsEnd()
    {
        const string NewPassword = "Nouveau-Secret-42!";
        var person = await server.CreatePersonAsync("Paul", "Oublieux");
        await using var before = await PortalVisitor.OpenAsync(browser, server, "session-avant");
        await before.LoginAsync(person.Email);
        await before.ExpectPathAsync("/entreprises/ajouter");

        await using var visitor = await PortalVisitor.OpenAsync(browser, server, "paul");
        await visitor.GotoAsync("/connexion");
        await visitor.Main.GetByRole(AriaRole.Link, new() { Name = "Récupérer mon mot de passe" }).ClickAsync();
        await visitor.ExpectTitleAsync("Récupérer mon mot de passe");
        await visitor.Field("Email").FillAsync(person.Email);
        await visitor.ClickAsync("Récupérer mon mot de passe");
        await visitor.ExpectTextAsync("Si un compte existe pour cette adresse, un email vient de lui être envoyé");
        await visitor.ShotAsync("lien-demande");

        var mail = (await server.WaitForMailAsync(person.Email, "Réinitialisation de votre mot de passe")).Single();
        await visitor.GotoAsync(PortalServer.LinkIn(mail, "compte/nouveau-mot-de-passe?jeton="));
        await visitor.ExpectTitleAsync("Choisir un nouveau mot de passe");
        await visitor.Field("Nouveau mot de passe").FillAsync(NewPassword);
        await visitor.Field("Confirmer le mot de passe").FillAsync(NewPassword);
        await visitor.ShotAsync("nouveau-mot-de-passe");
        await visitor.ClickAsync("Changer mon mot de passe");
        await visitor.ExpectTextAsync("Votre mot de passe est changé. Toutes vos sessions ouvertes ont été fermées.");
        await visitor.ShotAsync("mot-de-passe-change");

        await visitor.GotoAsync("/connexion");
        await visitor.LoginAsync(person.Email, NewPassword);
        await visitor.ExpectPathAsync("/entreprises/ajouter");

        // The session opened before the change is closed: a protected page leads to the login.
        await before.GotoAsync("/outils");
        await before.ExpectTitleAsync("Connexion");
        Assert.Equal("/connexion", new Uri(before.Page.Url).AbsolutePath);
        await before.ShotAsync("session-fermee");

        // Last: a failure delays the next login for this address.
        await using var other = await PortalVisitor.OpenAsync(browser, server, "ancien");
        await other.LoginAsync(person.Email, PortalServer.Password);
        await other.ExpectTextAsync("Adresse électronique ou mot de passe incorrect.");
        await other.ShotAsync("ancien-refuse");
    }

    [Fact]
    public async Task ExpiredPassword_EveryPageLeadsToTheChangeUntilItIsDone()
    {
        const string NewPassword = "Renouvele-Secret-7!";
        var person = await server.CreatePersonAsync("Eve", "Expire");
        await server.InDbAsync(db => db.People.Where(p => p.Id == person.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.PasswordChangedAt, DateTimeOffset.UtcNow.AddDays(-600))));
        await using var visitor = await PortalVisitor.OpenAsync(browser, server, "eve");

        await visitor.LoginAsync(person.Email);
        await visitor.ExpectPathAsync("/compte/mot-de-passe-expire");
        await visitor.GotoAsync("/entreprises/ajouter");
        await visitor.ExpectPathAsync("/compte/mot-de-passe-expire");
        await visitor.ShotAsync("mot-de-passe-expire");
        await visitor.Field("Mot de passe actuel").FillAsync(PortalServer.Password);
        await visitor.Field("Nouveau mot de passe").FillAsync(NewPassword);
        await visitor.Field("Confirmer le mot de passe").FillAsync(NewPassword);
        await visitor.ClickAsync("Changer mon mot de passe");

        await visitor.ExpectPathAsync("/entreprises/ajouter");
        await visitor.GotoAsync("/outils");
        await visitor.ExpectPathAsync("/entreprises/ajouter");
        var changedAt = await server.InDbAsync(db => db.People.Where(p => p.Id == person.Id).Select(p => p.PasswordChangedAt).SingleAsync());
        Assert.True(changedAt > DateTimeOffset.UtcNow.AddMinutes(-5));
    }
}
