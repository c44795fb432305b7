using System.Net;
using Guichet.Domain.People;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.Portal;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.Partners;

/// <summary>
/// Sign-up, email validation, lost password and sign-in on <c>/partenaire</c>: the Entreprise space's use cases and pages
/// in the Partenaire guide's words, whose emails lead back to <c>/partenaire</c>; over HTTP on both providers.
/// </summary>
public abstract class PartnerAccountPagesTests(GuichetServer server)
{
    [Fact]
    public async Task SignUpForm_HasTheGuidesFields_AndNoContributionsBox()
    {
        using var visitor = new WebVisitor(server);

        using var page = await visitor.GetAsync("/partenaire/inscription");

        var html = await WebVisitor.TextOfAsync(page);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        foreach (var label in new[] { "Email", "Confirmer votre Email", "Mot de passe", "Confirmer le mot de passe", "Prénom", "Nom" })
        {
            Assert.Contains($">{label}</label>", html, StringComparison.Ordinal);
        }

        Assert.Contains("<button type=\"submit\">Créer le compte</button>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("expert comptable", html, StringComparison.Ordinal);
        Assert.Contains("Guichet <span>Web Services Partenaire</span>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/partenaire/connexion\">Se connecter</a>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/partenaire/mot-de-passe-oublie\">Récupérer mon mot de passe</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInAndLostPasswordPages_SayTheGuidesWords()
    {
        using var visitor = new WebVisitor(server);

        var signIn = PartnerSteps.Text(await WebVisitor.TextOfAsync(await visitor.GetAsync("/partenaire/connexion")));
        var lost = PartnerSteps.Text(await WebVisitor.TextOfAsync(await visitor.GetAsync("/partenaire/mot-de-passe-oublie")));

        Assert.Contains("<strong>Vous avez déjà un identifiant ?</strong> Se connecter aux Web Services :", signIn, StringComparison.Ordinal);
        Assert.Contains("<p>Mot de passe perdu ? <a href=\"/partenaire/mot-de-passe-oublie\">Récupérer mon mot de passe</a></p>", signIn,
            StringComparison.Ordinal);
        Assert.Contains("Pas encore de compte ? <a href=\"/partenaire/inscription\">Créer un compte</a>", signIn, StringComparison.Ordinal);
        Assert.Contains("<h1>Récupérer mon mot de passe</h1>", lost, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignUp_OnPartenaire_EmailsAPartenaireValidationLink_AndRecordsTheSpace()
    {
        var email = PortalSteps.UniqueEmail();
        using var visitor = new WebVisitor(server);

        // A forged "contributions only" box: the Partenaire form has none, so it cannot be ticked.
        using var posted = await SignUpAsync(visitor, "/partenaire/inscription", email, ("Form.ContributionsOnly", "true"));

        Assert.Equal("/partenaire/inscription/email-envoye", WebVisitor.RedirectPath(posted));
        using var sent = await visitor.GetAsync("/partenaire/inscription/email-envoye");
        var text = PartnerSteps.Text(await WebVisitor.TextOfAsync(sent));
        Assert.Contains($"Un message de validation a été envoyé sur votre email : <strong>{email}</strong>.", text, StringComparison.Ordinal);
        Assert.Contains("<p>Veuillez cliquer sur le lien d'activation contenu par ce mail pour vous connecter à votre espace Web services.</p>",
            text, StringComparison.Ordinal);
        Assert.Contains("Renvoyer à nouveau l'email", text, StringComparison.Ordinal);
        Assert.Contains("href=\"/partenaire/connexion\">Retour à la connexion", text, StringComparison.Ordinal);
        var link = PortalServer.LinkIn(await server.WaitForMailAsync(email, "Validation de création"), "compte/valider?jeton=");
        Assert.StartsWith(new Uri(server.BaseAddress, "partenaire/compte/valider?jeton=").ToString(), link, StringComparison.Ordinal);
        var person = await server.InDbAsync(db => db.People.SingleAsync(p => p.Email == email));
        Assert.Equal((PortalSpace.Partenaire, false), (person.SignedUpIn, person.ContributionsOnly));
    }

    [Fact]
    public async Task Resend_FromPartenaire_SendsAnotherPartenaireLink()
    {
        var email = PortalSteps.UniqueEmail();
        using var visitor = new WebVisitor(server);
        using var posted = await SignUpAsync(visitor, "/partenaire/inscription", email);
        await server.WaitForMailAsync(email, "Validation de création");

        using var resent = await visitor.SubmitAsync("/partenaire/inscription/email-envoye", "/partenaire/inscription/email-envoye?handler=Resend",
            ("email", email));

        Assert.Equal("/partenaire/inscription/email-envoye", WebVisitor.RedirectPath(resent));
        var link = PortalServer.LinkIn(await server.WaitForMailAsync(email, "Validation de création", count: 2), "compte/valider?jeton=");
        Assert.StartsWith(new Uri(server.BaseAddress, "partenaire/compte/valider?jeton=").ToString(), link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidationLink_OnPartenaire_SaysTheGuidesWords_AndLeadsToItsSignIn()
    {
        var email = PortalSteps.UniqueEmail();
        using var visitor = new WebVisitor(server);
        using var posted = await SignUpAsync(visitor, "/partenaire/inscription", email);
        var mail = await server.WaitForMailAsync(email, "Validation de création");
        var link = new Uri(PortalServer.LinkIn(mail, "compte/valider?jeton="));

        using var validated = await visitor.SubmitAsync(link.PathAndQuery, link.AbsolutePath,
            ("jeton", Uri.UnescapeDataString(PortalSteps.TokenFrom(mail))), ("Password", WebVisitor.Password));

        var text = PartnerSteps.Text(await WebVisitor.TextOfAsync(validated));
        Assert.Contains("Félicitations, votre compte a bien été validé.</p>", text, StringComparison.Ordinal);
        Assert.Contains("<p>Vous pouvez maintenant vous connecter à votre espace Web services :</p>", text, StringComparison.Ordinal);
        Assert.Contains("<a class=\"bouton\" href=\"/partenaire/connexion\">Se connecter</a>", text, StringComparison.Ordinal);
        Assert.NotNull(await server.InDbAsync(db => db.People.Where(p => p.Email == email).Select(p => p.EmailConfirmedAt).SingleAsync()));
    }

    [Fact]
    public async Task SignUp_OnPartenaire_WithAKnownEmail_WarnsTheOwnerWithPartenaireLinks()
    {
        var email = PortalSteps.UniqueEmail();
        await server.ConfirmedPersonAsync(email);
        using var visitor = new WebVisitor(server);

        using var posted = await SignUpAsync(visitor, "/partenaire/inscription", email);

        Assert.Equal("/partenaire/inscription/email-envoye", WebVisitor.RedirectPath(posted));
        var warning = (await server.WaitForMailAsync(email, "Tentative de création de compte")).TextBody;
        Assert.Contains(new Uri(server.BaseAddress, "partenaire/connexion").ToString(), warning, StringComparison.Ordinal);
        Assert.Contains(new Uri(server.BaseAddress, "partenaire/mot-de-passe-oublie").ToString(), warning, StringComparison.Ordinal);
        Assert.Equal(PortalSpace.Entreprise,
            await server.InDbAsync(db => db.People.Where(p => p.Email == email).Select(p => p.SignedUpIn).SingleAsync()));
    }

    [Fact]
    public async Task LostPassword_FromPartenaire_LinkLeadsBackThere_AndTheNewPasswordSignsIn()
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        using var visitor = new WebVisitor(server);

        using var asked = await visitor.SubmitAsync("/partenaire/mot-de-passe-oublie", "/partenaire/mot-de-passe-oublie", ("Email", person.Email));
        var link = new Uri(PortalServer.LinkIn(await server.WaitForMailAsync(person.Email, "Réinitialisation"), "nouveau-mot-de-passe?jeton="));
        Assert.StartsWith(new Uri(server.BaseAddress, "partenaire/compte/nouveau-mot-de-passe?jeton=").ToString(), link.ToString(),
            StringComparison.Ordinal);
        using var changed = await visitor.SubmitAsync(link.PathAndQuery, link.AbsolutePath,
            ("jeton", Uri.UnescapeDataString(link.Query["?jeton=".Length..])),
            ("Password", "Nouveau-pass9"), ("PasswordConfirmation", "Nouveau-pass9"));

        var text = await WebVisitor.TextOfAsync(changed);
        Assert.Contains("Votre mot de passe est changé.", text, StringComparison.Ordinal);
        Assert.Contains("<a class=\"bouton\" href=\"/partenaire/connexion\">Se connecter</a>", text, StringComparison.Ordinal);
        using var signedIn = await visitor.SubmitAsync("/partenaire/connexion", "/partenaire/connexion",
            ("Email", person.Email), ("Password", "Nouveau-pass9"));
        Assert.Equal("/partenaire", WebVisitor.RedirectPath(signedIn));
    }

    [Fact]
    public async Task SignUp_OnEntreprise_StillGivesRootLinks_AndRecordsEntreprise()
    {
        var email = PortalSteps.UniqueEmail();
        using var visitor = new WebVisitor(server);

        using var posted = await SignUpAsync(visitor, "/inscription", email, ("Form.ContributionsOnly", "true"));

        Assert.Equal("/inscription/email-envoye", WebVisitor.RedirectPath(posted));
        var link = PortalServer.LinkIn(await server.WaitForMailAsync(email, "Validation de création"), "compte/valider?jeton=");
        Assert.StartsWith(new Uri(server.BaseAddress, "compte/valider?jeton=").ToString(), link, StringComparison.Ordinal);
        var person = await server.InDbAsync(db => db.People.SingleAsync(p => p.Email == email));
        Assert.Equal((PortalSpace.Entreprise, true), (person.SignedUpIn, person.ContributionsOnly));
    }

    [Fact]
    public async Task OnePerson_SignsInToBothSpacesWithOnePassword_InSeparateSessions()
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        using var visitor = new WebVisitor(server);

        await visitor.SignInToPortalAsync(person.Email);
        await visitor.SignInToPartnersAsync(person.Email);

        using (var home = await visitor.GetAsync("/partenaire"))
        using (var tools = await visitor.GetAsync("/entreprises/ajouter"))
        {
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (home.StatusCode, tools.StatusCode));
        }

        using var signedOut = await visitor.SubmitAsync("/partenaire/deconnexion", "/partenaire/deconnexion");
        Assert.Equal("/partenaire/connexion", WebVisitor.RedirectPath(signedOut));
        using var partnerAfter = await visitor.GetAsync("/partenaire");
        using var portalAfter = await visitor.GetAsync("/entreprises/ajouter");
        Assert.Equal("/partenaire/connexion", WebVisitor.RedirectPath(partnerAfter));
        Assert.Equal(HttpStatusCode.OK, portalAfter.StatusCode);
    }

    [Fact]
    public async Task PartnerCookie_IsHttpOnlyLax_ForTheWholeSiteAsAHostCookieMust()
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        using var visitor = new WebVisitor(server);

        using var signedIn = await visitor.SubmitAsync("/partenaire/connexion", "/partenaire/connexion",
            ("Email", person.Email), ("Password", WebVisitor.Password));

        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("guichet.partenaire=", StringComparison.Ordinal));
        Assert.Contains("path=/;", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("guichet.portal=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/outils")]
    [InlineData("/back-office")]
    [InlineData("/partenairex")]
    [InlineData("/partenaire/../outils")]
    [InlineData("/partenaire/%2e%2e/outils")]
    [InlineData("//ailleurs.example/partenaire")]
    [InlineData("https://ailleurs.example/partenaire")]
    public async Task SignIn_OnPartenaire_ReturnAddressOutsideIt_IsIgnored(string returnUrl)
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        using var visitor = new WebVisitor(server);

        using var signedIn = await visitor.SubmitAsync("/partenaire/connexion", "/partenaire/connexion",
            ("Email", person.Email), ("Password", WebVisitor.Password), ("retour", returnUrl));

        Assert.Equal("/partenaire", signedIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_OnPartenaire_ReturnAddressUnderIt_IsHonoured()
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        using var visitor = new WebVisitor(server);
        using var anonymous = await visitor.GetAsync("/partenaire/etablissements/36252187900034");
        Assert.Equal("/partenaire/connexion?retour=%2Fpartenaire%2Fetablissements%2F36252187900034",
            new Uri(new Uri("http://ici.invalid"), anonymous.Headers.Location!).PathAndQuery);

        using var signedIn = await visitor.SubmitAsync("/partenaire/connexion", "/partenaire/connexion",
            ("Email", person.Email), ("Password", WebVisitor.Password), ("retour", "/partenaire/etablissements/36252187900034"));

        Assert.Equal("/partenaire/etablissements/36252187900034", signedIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ExpiredPassword_OnPartenaire_LeadsToItsChangePage_ThenHome()
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        await server.InDbAsync(db => db.People.Where(p => p.Id == person.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.PasswordChangedAt, server.Clock.GetUtcNow().AddDays(-600))));
        using var visitor = new WebVisitor(server);

        using var signedIn = await visitor.SubmitAsync("/partenaire/connexion", "/partenaire/connexion",
            ("Email", person.Email), ("Password", WebVisitor.Password));
        using var home = await visitor.GetAsync("/partenaire");
        using var changed = await visitor.SubmitAsync("/partenaire/compte/mot-de-passe-expire", "/partenaire/compte/mot-de-passe-expire",
            ("CurrentPassword", WebVisitor.Password), ("Password", "Nouveau-pass9"), ("PasswordConfirmation", "Nouveau-pass9"));

        Assert.Equal("/partenaire/compte/mot-de-passe-expire", WebVisitor.RedirectPath(signedIn));
        Assert.Equal("/partenaire/compte/mot-de-passe-expire", WebVisitor.RedirectPath(home));
        Assert.Equal("/partenaire", WebVisitor.RedirectPath(changed));
        using var after = await visitor.GetAsync("/partenaire");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task NewSecurityStamp_EndsThePartenaireSession()
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        using var visitor = new WebVisitor(server);
        await visitor.SignInToPartnersAsync(person.Email);

        await server.InDbAsync(db => db.People.Where(p => p.Id == person.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.SecurityStamp, Guid.NewGuid())));
        using var home = await visitor.GetAsync("/partenaire");

        Assert.Equal("/partenaire/connexion", WebVisitor.RedirectPath(home));
    }

    private static Task<HttpResponseMessage> SignUpAsync(WebVisitor visitor, string page, string email, params (string Name, string Value)[] more) =>
        visitor.SubmitAsync(page, page,
        [
            ("Form.Email", email), ("Form.EmailConfirmation", email), ("Form.Password", WebVisitor.Password),
            ("Form.PasswordConfirmation", WebVisitor.Password), ("Form.FirstName", "Océane"), ("Form.LastName", "Formatrice"), .. more,
        ]);
}

public sealed class PartnerAccountPagesTestsOnSqlite(PartnerSqliteServer server)
    : PartnerAccountPagesTests(server), IClassFixture<PartnerSqliteServer>;

public sealed class PartnerAccountPagesTestsOnPostgres(PartnerPostgresServer server)
    : PartnerAccountPagesTests(server), IClassFixture<PartnerPostgresServer>;
