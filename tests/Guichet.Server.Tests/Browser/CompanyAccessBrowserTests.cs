using Guichet.Application.Companies;
using Guichet.Domain.Companies;
using Guichet.Domain.People;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Guichet.Server.Tests.Browser;

/// <summary>Access requests to a company that has an administrator, and what its administrators do with them.</summary>
public sealed class CompanyAccessBrowserTests(PortalServer server, BrowserFixture browser)
    : IClassFixture<PortalServer>, IClassFixture<BrowserFixture>
{
    private const string RequestSent = "Une demande d'accès a été envoyée à/aux l'administrateur(s) de cette entreprise.";

    [Fact]
    public async Task PersonOfTwoCompanies_SwitchesFromTheHeaderMenu()
    {
        var person = await server.CreatePersonAsync("Sacha", "Double");
        var (first, second) = (await server.CreateCompanyAsync(), await server.CreateCompanyAsync());
        Assert.Equal(AddCompanyOutcome.BecameAdministrator, await server.AddCompanyAsync(person, first));
        Assert.Equal(AddCompanyOutcome.BecameAdministrator, await server.AddCompanyAsync(person, second));
        await using var sacha = await PortalVisitor.OpenAsync(browser, server, "sacha");
        await sacha.LoginAsync(person.Email);
        await sacha.ExpectPathAsync("/outils");

        var menu = sacha.Page.Locator("header details.entreprises");
        await menu.Locator("summary").ClickAsync();
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = first.Name, Exact = true })).ToBeVisibleAsync();
        await sacha.ShotAsync("menu-entreprises");
        await menu.GetByRole(AriaRole.Link, new() { Name = second.Name, Exact = true }).ClickAsync();

        await sacha.ExpectPathAsync($"/entreprise/{second.Id}");
        await sacha.ExpectTitleAsync(second.Name);
        await menu.Locator("summary").ClickAsync();
        Assert.Equal(2, await menu.GetByRole(AriaRole.Link, new() { Name = "Gérer les utilisateurs", Exact = true }).CountAsync());
    }

    [Fact]
    public async Task AccessRequestAccepted_RequesterLandsOnTheTools()
    {
        var (administrator, requester, company) = await SeedAsync();
        await using var bruno = await PortalVisitor.OpenAsync(browser, server, "bruno");
        await bruno.LoginAsync(requester.Email);
        await bruno.AddCompanyAsync(company);
        await bruno.ExpectTextAsync(RequestSent);
        await bruno.ExpectTextAsync("Demandes d'accès en attente");
        Assert.Equal([$"{company.Name} ({company.Siren})"], await bruno.PendingRequestsAsync());
        await bruno.ShotAsync("demande-envoyee");

        var request = (await server.WaitForMailAsync(administrator.Email, $"Demande d'accès à {company.Name}")).Single();
        Assert.Contains($"{requester.Email} demande l'accès à l'entreprise {company.Name}.", request.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Bruno", request.TextBody + request.HtmlBody, StringComparison.Ordinal);
        var manage = PortalServer.LinkIn(request, $"/entreprise/{company.Id}/utilisateurs");

        // The email's link goes through the login page and back to "Gérer les utilisateurs".
        await using var alice = await PortalVisitor.OpenAsync(browser, server, "alice");
        await alice.GotoAsync(manage);
        await alice.LoginAsync(administrator.Email);
        await alice.ExpectPathAsync($"/entreprise/{company.Id}/utilisateurs");
        await alice.ExpectTitleAsync("Gérer les utilisateurs");
        await Assertions.Expect(alice.Main.Locator($"tr[data-email='{requester.Email}']")).ToContainTextAsync("Demande en attente");
        await alice.ShotAsync("gerer-utilisateurs");
        await alice.DecideAsync(requester.Email, "Accepter");
        await alice.ExpectTextAsync("Accès accordé à Bruno Demandeur.");
        await Assertions.Expect(alice.Main.Locator($"tr[data-email='{requester.Email}']")).ToContainTextAsync("Utilisateur");
        await alice.ShotAsync("acces-accorde");

        var decision = (await server.WaitForMailAsync(requester.Email, $"Votre accès à {company.Name}")).Single();
        Assert.Contains("a été acceptée", decision.TextBody, StringComparison.Ordinal);
        // Not the header's button: see SecurityBrowserTests.HeaderLogoutButton_SignsOut.
        await bruno.LogoutAsync();
        await bruno.LoginAsync(requester.Email);
        await bruno.ExpectPathAsync("/outils");
        await bruno.ExpectTitleAsync("Liste des outils");
        await bruno.ExpectTextAsync(company.Name);
        await bruno.ShotAsync("outils");
        Assert.Equal((MembershipStatus.Active, MembershipRole.Member), await MembershipOfAsync(requester, company));
    }

    [Fact]
    public async Task AccessRequestRefused_RequesterIsToldAndNothingIsPending()
    {
        var (administrator, requester, company) = await SeedAsync();
        await using var bruno = await PortalVisitor.OpenAsync(browser, server, "bruno");
        await bruno.LoginAsync(requester.Email);
        await bruno.AddCompanyAsync(company);
        await bruno.ExpectTextAsync(RequestSent);

        await using var alice = await PortalVisitor.OpenAsync(browser, server, "alice");
        await alice.LoginAsync(administrator.Email);
        await alice.ExpectPathAsync("/outils");
        await alice.GotoAsync($"/entreprise/{company.Id}");
        await alice.Main.GetByRole(AriaRole.Link, new() { Name = "Gérer les utilisateurs" }).ClickAsync();
        await alice.DecideAsync(requester.Email, "Refuser");
        await alice.ExpectTextAsync("Demande de Bruno Demandeur refusée.");
        await Assertions.Expect(alice.Main.Locator($"tr[data-email='{requester.Email}']")).ToHaveCountAsync(0);
        await alice.ShotAsync("demande-refusee");

        var decision = (await server.WaitForMailAsync(requester.Email, $"Votre accès à {company.Name}")).Single();
        Assert.Contains($"Votre demande d'accès à {company.Name} a été refusée.", decision.TextBody, StringComparison.Ordinal);
        await bruno.GotoAsync("/entreprises/ajouter");
        await bruno.ExpectTitleAsync("Ajouter une entreprise");
        await bruno.ExpectNoTextAsync("Demandes d'accès en attente");
        Assert.Empty(await bruno.PendingRequestsAsync());
        await bruno.ShotAsync("plus-de-demande");
        Assert.Equal(MembershipStatus.Refused, (await MembershipOfAsync(requester, company)).Item1);
    }

    [Fact]
    public async Task OnlyAdministratorRevokesHimself_IsRefused()
    {
        var administrator = await server.CreatePersonAsync("Alice", "Seule");
        var company = await server.CreateCompanyAsync();
        Assert.Equal(AddCompanyOutcome.BecameAdministrator, await server.AddCompanyAsync(administrator, company));
        await using var alice = await PortalVisitor.OpenAsync(browser, server, "alice");
        await alice.LoginAsync(administrator.Email);
        await alice.GotoAsync($"/entreprise/{company.Id}/utilisateurs");

        await alice.DecideAsync(administrator.Email, "Retirer l'accès");

        await alice.ExpectTextAsync("L'entreprise doit garder au moins un administrateur");
        await alice.ShotAsync("dernier-administrateur");
        Assert.Equal((MembershipStatus.Active, MembershipRole.Administrator), await MembershipOfAsync(administrator, company));
    }

    private async Task<(Person Administrator, Person Requester, SeededCompany Company)> SeedAsync()
    {
        var administrator = await server.CreatePersonAsync("Alice", "Admin");
        var requester = await server.CreatePersonAsync("Bruno", "Demandeur");
        var company = await server.CreateCompanyAsync();
        Assert.Equal(AddCompanyOutcome.BecameAdministrator, await server.AddCompanyAsync(administrator, company));
        return (administrator, requester, company);
    }

    private Task<(MembershipStatus, MembershipRole)> MembershipOfAsync(Person person, SeededCompany company) =>
        server.InDbAsync(async db =>
        {
            var membership = await db.Memberships.AsNoTracking().SingleAsync(m => m.PersonId == person.Id && m.CompanyId == company.Id);
            return (membership.Status, membership.Role);
        });
}
