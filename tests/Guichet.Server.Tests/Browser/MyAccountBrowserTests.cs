using Guichet.Application.Companies;
using Guichet.Application.People;
using Guichet.Domain.Companies;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Guichet.Server.Tests.Browser;

/// <summary>"Mon compte" walked as a person does: the name, the password (and its email through SMTP), leaving a company; axe on each screen.</summary>
public sealed class MyAccountBrowserTests(PortalServer server, BrowserFixture browser) : IClassFixture<PortalServer>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task MonCompte_ChangeName_ChangePassword_SignInWithTheNewOne_LeaveACompany()
    {
        const string NewPassword = "Compte-Neuf-2026!";
        var administrator = await server.CreatePersonAsync("Anne", "Admin");
        var person = await server.CreatePersonAsync("Lou", "Membre");
        var company = await server.CreateCompanyAsync();
        Assert.Equal(AddCompanyOutcome.BecameAdministrator, await server.AddCompanyAsync(administrator, company));
        Assert.Equal(AddCompanyOutcome.AccessRequested, await server.AddCompanyAsync(person, company));
        await ApproveAsync(administrator, person, company);
        await using var lou = await PortalVisitor.OpenAsync(browser, server, "lou");
        await lou.LoginAsync(person.Email);
        await lou.ExpectPathAsync("/outils");

        await lou.Page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Mon compte", Exact = true }).ClickAsync();
        await lou.ExpectPathAsync("/compte");
        await lou.ExpectTitleAsync("Mon compte");
        await AxeAsync(lou, "mon-compte");
        await lou.Field("Prénom").FillAsync("Louise");
        await lou.ClickAsync("Enregistrer");
        await lou.ExpectTextAsync("Vos informations ont été enregistrées.");
        await Assertions.Expect(lou.Page.Locator("header .personne")).ToHaveTextAsync("Louise Membre");
        await AxeAsync(lou, "informations-enregistrees");

        await lou.Main.GetByRole(AriaRole.Link, new() { Name = "Changer mon mot de passe", Exact = true }).ClickAsync();
        await lou.ExpectTitleAsync("Changer mon mot de passe");
        await lou.Field("Mot de passe actuel").FillAsync(PortalServer.Password);
        await lou.Field("Nouveau mot de passe").FillAsync(NewPassword);
        await lou.Field("Confirmer le mot de passe").FillAsync(NewPassword);
        await AxeAsync(lou, "changer-mot-de-passe");
        await lou.ClickAsync("Changer mon mot de passe");
        await lou.ExpectPathAsync("/compte");
        await lou.ExpectTextAsync("Votre mot de passe a été modifié.");
        var mail = (await server.WaitForMailAsync(person.Email, "Votre mot de passe a été modifié")).Single();
        Assert.Contains("(heure de Paris)", mail.TextBody, StringComparison.Ordinal);
        PortalServer.LinkIn(mail, "/mot-de-passe-oublie");

        await lou.LogoutAsync();
        await lou.LoginAsync(person.Email, NewPassword);
        await lou.ExpectPathAsync("/outils");
        await lou.GotoAsync("/compte");
        await lou.Main.GetByRole(AriaRole.Link, new() { Name = $"Quitter cette entreprise ({company.Name})", Exact = true }).ClickAsync();
        await lou.ExpectTitleAsync("Quitter cette entreprise");
        await lou.ExpectTextAsync(company.Name);
        await AxeAsync(lou, "quitter-confirmation");
        await lou.ClickAsync("Quitter cette entreprise");
        await lou.ExpectPathAsync("/compte");
        await lou.ExpectTextAsync($"Vous avez quitté l'entreprise {company.Name}.");
        await lou.ExpectTextAsync("Vous n'avez accès à aucune entreprise.");
        await AxeAsync(lou, "entreprise-quittee");
        Assert.Equal(MembershipStatus.Left, await server.InDbAsync(db => db.Memberships
            .Where(m => m.PersonId == person.Id && m.CompanyId == company.Id).Select(m => m.Status).SingleAsync()));
    }

    private static async Task AxeAsync(PortalVisitor visitor, string step)
    {
        await visitor.ShotAsync(step);
        await BackOfficeBrowser.ShotAndAxeAsync(visitor.Page, $"{nameof(MyAccountBrowserTests)}-{step}");
    }

    private async Task ApproveAsync(Guichet.Domain.People.Person administrator, Guichet.Domain.People.Person requester, SeededCompany company)
    {
        var membershipId = await server.InDbAsync(db => db.Memberships
            .Where(m => m.PersonId == requester.Id && m.CompanyId == company.Id).Select(m => m.Id).SingleAsync());
        var approved = await server.InScopeAsync(services => services.GetRequiredService<ApproveAccessRequest>().HandleAsync(
            new CompanyActor.Administrator(administrator.Id), company.Id, membershipId, new PortalLinks(server.BaseAddress.ToString().TrimEnd('/')),
            CancellationToken.None));
        Assert.True(approved.Succeeded, string.Join("; ", approved.Errors));
    }
}
