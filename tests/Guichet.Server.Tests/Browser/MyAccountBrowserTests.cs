using Guichet.Application.Companies;
using Guichet.Application.People;
using Guichet.Domain.Companies;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Guichet.Server.Tests.Browser;

/// <summary>
/// "Mon compte" walked as a person does: the name (with an error first), the password (and its email through SMTP), leaving a
/// company; each screen checked by axe at 1024 and 360 px (<see cref="PortalVisitor.ShotAsync"/>).
/// </summary>
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
        await lou.ShotAsync("mon-compte");
        await lou.Field("Prénom").FillAsync(string.Empty);
        await lou.ClickAsync("Enregistrer");
        await lou.ExpectTextAsync("Le prénom est obligatoire.");
        await Assertions.Expect(lou.Page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Erreur – "));
        await lou.ShotAsync("mon-compte-erreur");
        await lou.Field("Prénom").FillAsync("Louise");
        await lou.ClickAsync("Enregistrer");
        await lou.ExpectTextAsync("Vos informations ont été enregistrées.");
        await Assertions.Expect(lou.Page.Locator("header .personne")).ToHaveTextAsync("Louise Membre");
        await lou.ShotAsync("informations-enregistrees");

        await lou.Main.GetByRole(AriaRole.Link, new() { Name = "Changer mon mot de passe", Exact = true }).ClickAsync();
        await lou.ExpectTitleAsync("Changer mon mot de passe");
        await lou.Field("Mot de passe actuel").FillAsync(PortalServer.Password);
        await lou.Field("Nouveau mot de passe").FillAsync(NewPassword);
        await lou.Field("Confirmer le mot de passe").FillAsync(NewPassword);
        await lou.ShotAsync("changer-mot-de-passe");
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
        await lou.ShotAsync("quitter-confirmation");
        await lou.ClickAsync("Quitter cette entreprise");
        await lou.ExpectPathAsync("/compte");
        await lou.ExpectTextAsync($"Vous avez quitté l'entreprise {company.Name}.");
        await lou.ExpectTextAsync("Vous n'avez accès à aucune entreprise.");
        await lou.ShotAsync("entreprise-quittee");
        Assert.Equal(MembershipStatus.Left, await server.InDbAsync(db => db.Memberships
            .Where(m => m.PersonId == person.Id && m.CompanyId == company.Id).Select(m => m.Status).SingleAsync()));
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
