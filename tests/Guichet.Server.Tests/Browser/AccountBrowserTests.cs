using Guichet.Domain.Companies;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Guichet.Server.Tests.Browser;

/// <summary>Sign-up, email validation and the first company, in a real Chromium against the real server.</summary>
public sealed class AccountBrowserTests(PortalServer server, BrowserFixture browser) : IClassFixture<PortalServer>, IClassFixture<BrowserFixture>
{
    private const string ValidationSubject = "Validation de création de compte";

    [Fact]
    public async Task WholeJourney_SignUpValidateLoginAddCompany_ShowsTheTools()
    {
        var company = await server.CreateCompanyAsync();
        var email = PortalServer.NewEmail();
        await using var visitor = await PortalVisitor.OpenAsync(browser, server, "camille");

        await visitor.SignUpAsync(email);
        await visitor.ExpectTitleAsync("Validation de compte");
        await visitor.ExpectTextAsync($"Un message de validation a été envoyé sur votre email : {email}.");
        await visitor.ShotAsync("email-envoye");

        var mail = (await server.WaitForMailAsync(email, ValidationSubject)).Single();
        var link = PortalServer.LinkIn(mail, "compte/valider?jeton=");
        Assert.StartsWith(new Uri(server.BaseAddress, "compte/valider?jeton=").ToString(), link, StringComparison.Ordinal);
        await visitor.ValidateAsync(link);
        await visitor.ExpectTextAsync("Félicitations, votre compte a bien été validé.");
        await visitor.ExpectTextAsync("Vous pouvez maintenant vous connecter à votre espace Web services Entreprises :");
        await visitor.ShotAsync("compte-valide");

        await visitor.Main.GetByRole(AriaRole.Link, new() { Name = "Se connecter", Exact = true }).ClickAsync();
        await visitor.LoginAsync(email);
        await visitor.ExpectPathAsync("/entreprises/ajouter");
        await visitor.ExpectTitleAsync("Ajouter une entreprise");
        await visitor.ShotAsync("ajouter-entreprise");

        await visitor.AddCompanyAsync(company);
        await visitor.ExpectTextAsync("Votre compte est activé. Vous allez être redirigé.");
        await visitor.ShotAsync("compte-active");
        // The meta refresh (3 s) leads to the company's home.
        await visitor.Page.WaitForURLAsync($"**/entreprise/{company.Id}");
        await visitor.ExpectTitleAsync(company.Name);
        await visitor.ExpectTextAsync($"SIREN {company.Siren} — vous êtes administrateur de cette entreprise.");
        await visitor.ShotAsync("accueil-entreprise");

        await visitor.Main.GetByRole(AriaRole.Link, new() { Name = "Liste des outils", Exact = true }).ClickAsync();
        await visitor.ExpectTitleAsync("Liste des outils");
        await visitor.ExpectTextAsync("Déclarations");
        await visitor.ExpectTextAsync("Contributions formation");
        await visitor.ShotAsync("outils");

        var membership = await server.InDbAsync(db => db.Memberships.Include(m => m.Person).SingleAsync(m => m.CompanyId == company.Id));
        Assert.Equal((email, MembershipStatus.Active, MembershipRole.Administrator), (membership.Person!.Email, membership.Status, membership.Role));
        Assert.NotNull(membership.Person.EmailConfirmedAt);
    }

    [Fact]
    public async Task ResendValidationEmail_OnlyTheNewestLinkWorks()
    {
        var email = PortalServer.NewEmail();
        await using var visitor = await PortalVisitor.OpenAsync(browser, server, "camille");
        await visitor.SignUpAsync(email);
        await visitor.ExpectTitleAsync("Validation de compte");
        var first = PortalServer.LinkIn((await server.WaitForMailAsync(email, ValidationSubject)).Single(), "compte/valider?jeton=");

        await visitor.ClickAsync("Renvoyer à nouveau l'email");
        await visitor.ExpectTextAsync(
            "Un nouveau message de validation a été envoyé sur votre email. Seul le lien de ce dernier mail fonctionne.");
        await visitor.ExpectTextAsync(email);
        await visitor.ShotAsync("renvoye");
        var links = (await server.WaitForMailAsync(email, ValidationSubject, count: 2))
            .Select(m => PortalServer.LinkIn(m, "compte/valider?jeton="))
            .ToList();
        Assert.Equal(2, links.Count);
        var second = Assert.Single(links, l => l != first);

        await visitor.ValidateAsync(first);
        await visitor.ExpectTextAsync("Ce lien a déjà été utilisé ou a été remplacé par un lien plus récent.");
        await Assertions.Expect(visitor.Button("Renvoyer à nouveau l'email")).ToBeVisibleAsync();
        await visitor.ShotAsync("premier-lien");
        await visitor.ValidateAsync(second);
        await visitor.ExpectTextAsync("Félicitations, votre compte a bien été validé.");
        await visitor.ShotAsync("second-lien");
    }

    [Fact]
    public async Task ValidationLinkUsedTwice_SecondTimeSaysTheAccountIsValidated()
    {
        var email = PortalServer.NewEmail();
        await using var visitor = await PortalVisitor.OpenAsync(browser, server, "camille");
        await visitor.SignUpAsync(email);
        await visitor.ExpectTitleAsync("Validation de compte");
        var link = PortalServer.LinkIn((await server.WaitForMailAsync(email, ValidationSubject)).Single(), "compte/valider?jeton=");

        await visitor.ValidateAsync(link);
        await visitor.ExpectTextAsync("Félicitations, votre compte a bien été validé.");
        await visitor.ValidateAsync(link);

        await visitor.ExpectTitleAsync("Compte validé");
        await visitor.ExpectTextAsync("Votre compte est déjà validé : vous pouvez vous connecter.");
        await Assertions.Expect(visitor.Main.GetByRole(AriaRole.Link, new() { Name = "Se connecter" })).ToBeVisibleAsync();
        await visitor.ShotAsync("lien-reutilise");
    }

    [Fact]
    public async Task SignUpWithKnownEmail_SamePageAndTheOwnerIsWarned()
    {
        var owner = await server.CreatePersonAsync("Olivia", "Titulaire");
        await using var visitor = await PortalVisitor.OpenAsync(browser, server, "intrus");

        await visitor.SignUpAsync(owner.Email, firstName: "Ivan", lastName: "Intrus");

        await visitor.ExpectTitleAsync("Validation de compte");
        await visitor.ExpectTextAsync($"Un message de validation a été envoyé sur votre email : {owner.Email}.");
        await visitor.ShotAsync("email-envoye");
        var warning = (await server.WaitForMailAsync(owner.Email, "Tentative de création de compte avec votre adresse")).Single();
        Assert.Contains(new Uri(server.BaseAddress, "mot-de-passe-oublie").ToString(), warning.TextBody, StringComparison.Ordinal);
        await server.AllMailSentAsync(owner.Email);
        Assert.DoesNotContain(server.MailTo(owner.Email), m => m.Subject == ValidationSubject);
        var people = await server.InDbAsync(db => db.People.Where(p => p.Email == owner.Email).Select(p => p.FirstName).ToListAsync());
        Assert.Equal(["Olivia"], people);
    }
}
