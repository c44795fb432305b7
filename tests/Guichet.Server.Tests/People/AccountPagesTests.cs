using System.Net;
using Guichet.Domain.Companies;
using Guichet.Server.Tests.Companies;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.Partners;
using Guichet.Server.Tests.Portal;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.People;

/// <summary>"Mon compte", "Changer mon mot de passe" and leaving a company, over HTTP with the real forms, in both spaces.</summary>
public sealed class AccountPagesTests(SqliteServerFixture server) : IClassFixture<SqliteServerFixture>
{
    private const string NewPassword = "Nouveau-pass3!";

    public static TheoryData<string> Spaces => new() { string.Empty, "/partenaire" };

    [Theory]
    [MemberData(nameof(Spaces))]
    public async Task Menu_LeadsToMonCompte_WhichShowsTheEmailReadOnly_AndTheNames(string space)
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        using var visitor = await SignedInAsync(space, person.Email);

        using var page = await visitor.GetAsync($"{space}/compte");

        var html = PartnerSteps.Text(await WebVisitor.TextOfAsync(page));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"href=\"{space}/compte\">Mon compte</a>", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{person.Email}\" readonly", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Email\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Paule\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Portail\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{space}/compte/mot-de-passe\">Changer mon mot de passe</a>", html, StringComparison.Ordinal);
        Assert.Equal(space.Length == 0, html.Contains("expert comptable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Entreprise_SavingNamesAndChoice_RedirectsWithAMessage_AndTheHeaderShowsTheNewName()
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        using var visitor = await SignedInAsync(string.Empty, person.Email);
        var version = await VersionAsync(person.Id);

        using var posted = await visitor.SubmitAsync("/compte", "/compte", ("Form.Version", version.ToString()), ("Form.FirstName", "Maëlle"),
            ("Form.LastName", "Noël"), ("Form.ContributionsOnly", "true"));
        using var after = await visitor.GetAsync("/compte");

        Assert.Equal("/compte", WebVisitor.RedirectPath(posted));
        var html = PartnerSteps.Text(await WebVisitor.TextOfAsync(after));
        Assert.Contains("Vos informations ont été enregistrées.", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"personne\">Maëlle Noël</span>", html, StringComparison.Ordinal);
        var saved = await server.InDbAsync(db => db.People.SingleAsync(p => p.Id == person.Id));
        Assert.Equal(("Maëlle", "Noël", true), (saved.FirstName, saved.LastName, saved.ContributionsOnly));
    }

    [Fact]
    public async Task Partenaire_AForgedContributionsBox_ChangesNothingButTheNames()
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        using var visitor = await SignedInAsync("/partenaire", person.Email);

        using var posted = await visitor.SubmitAsync("/partenaire/compte", "/partenaire/compte",
            ("Form.Version", (await VersionAsync(person.Id)).ToString()), ("Form.FirstName", "Jean"), ("Form.LastName", "Formateur"),
            ("Form.ContributionsOnly", "true"));

        Assert.Equal("/partenaire/compte", WebVisitor.RedirectPath(posted));
        var saved = await server.InDbAsync(db => db.People.SingleAsync(p => p.Id == person.Id));
        Assert.Equal(("Jean", "Formateur", false), (saved.FirstName, saved.LastName, saved.ContributionsOnly));
    }

    [Fact]
    public async Task FormReadBeforeAnotherChange_SaysSo_ShowsTheDetailsAsTheyAreNow_AndChangesNothing()
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        using var visitor = await SignedInAsync(string.Empty, person.Email);
        using var form = await visitor.GetAsync("/compte");
        var formHtml = await form.Content.ReadAsStringAsync();
        var read = await VersionAsync(person.Id);
        await server.InDbAsync(db => db.People.Where(p => p.Id == person.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.FirstName, "Ailleurs").SetProperty(p => p.Version, Guid.NewGuid())));

        using var posted = await visitor.SubmitFromAsync(formHtml, "/compte", ("Form.Version", read.ToString()), ("Form.FirstName", "Ici"),
            ("Form.LastName", "Portail"));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var html = PartnerSteps.Text(await WebVisitor.TextOfAsync(posted));
        Assert.Contains("Vos informations viennent d'être modifiées ailleurs", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Ailleurs\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{await VersionAsync(person.Id)}\"", html, StringComparison.Ordinal);
        Assert.Equal("Ailleurs", await server.InDbAsync(db => db.People.Where(p => p.Id == person.Id).Select(p => p.FirstName).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Spaces))]
    public async Task EmptyName_IsRefusedUnderItsField_AndNothingIsSaved(string space)
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        using var visitor = await SignedInAsync(space, person.Email);

        using var posted = await visitor.SubmitAsync($"{space}/compte", $"{space}/compte",
            ("Form.Version", (await VersionAsync(person.Id)).ToString()), ("Form.FirstName", ""), ("Form.LastName", "Portail"));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Le prénom est obligatoire.", await WebVisitor.TextOfAsync(posted), StringComparison.Ordinal);
        Assert.Equal("Paule", await server.InDbAsync(db => db.People.Where(p => p.Id == person.Id).Select(p => p.FirstName).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Spaces))]
    public async Task ChangePassword_WrongCurrent_ThenTheWait_ThenSuccessKeepsThisSessionAndEndsTheOther(string space)
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        using var other = await SignedInAsync(space, person.Email);
        using var visitor = await SignedInAsync(space, person.Email);
        var path = $"{space}/compte/mot-de-passe";

        using var form = await visitor.GetAsync(path);
        using var wrong = await visitor.SubmitAsync(path, path, ("CurrentPassword", "Pas-le-bon1!"), ("Password", NewPassword),
            ("PasswordConfirmation", NewPassword));
        using var locked = await visitor.SubmitAsync(path, path, ("CurrentPassword", WebVisitor.Password), ("Password", NewPassword),
            ("PasswordConfirmation", NewPassword));
        server.Clock.Advance(TimeSpan.FromMinutes(1));
        using var done = await visitor.SubmitAsync(path, path, ("CurrentPassword", WebVisitor.Password), ("Password", NewPassword),
            ("PasswordConfirmation", NewPassword));

        var formHtml = await WebVisitor.TextOfAsync(form);
        Assert.Contains("autocomplete=\"current-password\"", formHtml, StringComparison.Ordinal);
        Assert.Contains("Votre mot de passe doit contenir minimum 8 caractères", formHtml, StringComparison.Ordinal);
        Assert.Contains("Le mot de passe actuel est incorrect.", await WebVisitor.TextOfAsync(wrong), StringComparison.Ordinal);
        Assert.Contains("Trop de tentatives échouées", await WebVisitor.TextOfAsync(locked), StringComparison.Ordinal);
        Assert.Equal($"{space}/compte", WebVisitor.RedirectPath(done));
        using var account = await visitor.GetAsync($"{space}/compte");
        Assert.Contains("Votre mot de passe a été modifié.", await WebVisitor.TextOfAsync(account), StringComparison.Ordinal);
        using var ended = await other.GetAsync($"{space}/compte");
        Assert.Equal($"{space}/connexion", WebVisitor.RedirectPath(ended));
        await server.WaitForMailAsync(person.Email, "Votre mot de passe a été modifié");
    }

    [Fact]
    public async Task MonCompte_ListsMyCompanies_WithRoleAndStatus_AndTheWayToLeaveOrCancel()
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        var active = await server.NewCompanyAsync();
        var pending = await server.NewCompanyAsync();
        await MembershipAsync(person.Id, active, MembershipRole.Administrator, MembershipStatus.Active);
        await MembershipAsync(person.Id, pending, MembershipRole.Member, MembershipStatus.Pending);
        using var visitor = await SignedInAsync(string.Empty, person.Email);

        using var page = await visitor.GetAsync("/compte");

        var html = PartnerSteps.Text(await WebVisitor.TextOfAsync(page));
        Assert.Contains($"<td data-label=\"Entreprise\">{active.Name} ({active.Siren})</td> <td data-label=\"Mon rôle\">Administrateur</td> "
            + "<td data-label=\"Statut\">Actif</td>", html, StringComparison.Ordinal);
        Assert.Contains($"<td data-label=\"Entreprise\">{pending.Name} ({pending.Siren})</td> <td data-label=\"Mon rôle\">Utilisateur</td> "
            + "<td data-label=\"Statut\">Demande en attente</td>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/compte/entreprises/{active.Id}/quitter\"", html, StringComparison.Ordinal);
        Assert.Contains($">Quitter cette entreprise<span class=\"sr-only\"> ({active.Name})</span></a>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/compte/entreprises/{pending.Id}/quitter\"", html, StringComparison.Ordinal);
        Assert.Contains($">Annuler ma demande<span class=\"sr-only\"> ({pending.Name})</span></a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leave_ConfirmsFirst_ThenLeaves_AndSaysSoOnMonCompte()
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        var company = await server.NewCompanyAsync();
        await MembershipAsync(person.Id, company, MembershipRole.Member, MembershipStatus.Active);
        using var visitor = await SignedInAsync(string.Empty, person.Email);
        var path = $"/compte/entreprises/{company.Id}/quitter";

        using var confirm = await visitor.GetAsync(path);
        var untouched = await StatusAsync(person.Id, company);
        using var posted = await visitor.SubmitAsync(path, path);
        using var account = await visitor.GetAsync("/compte");

        var html = PartnerSteps.Text(await WebVisitor.TextOfAsync(confirm));
        Assert.Contains($"Vous n'aurez plus accès à <strong>{company.Name}</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\" class=\"danger\">Quitter cette entreprise</button>", html, StringComparison.Ordinal);
        Assert.Equal(MembershipStatus.Active, untouched);
        Assert.Equal("/compte", WebVisitor.RedirectPath(posted));
        Assert.Equal(MembershipStatus.Left, await StatusAsync(person.Id, company));
        Assert.Contains($"Vous avez quitté l'entreprise {company.Name}.", await WebVisitor.TextOfAsync(account), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelRequest_ConfirmsFirst_ThenWithdraws()
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        var company = await server.NewCompanyAsync();
        await MembershipAsync(person.Id, company, MembershipRole.Member, MembershipStatus.Pending);
        using var visitor = await SignedInAsync(string.Empty, person.Email);
        var path = $"/compte/entreprises/{company.Id}/quitter";

        using var confirm = await visitor.GetAsync(path);
        using var posted = await visitor.SubmitAsync(path, path);
        using var account = await visitor.GetAsync("/compte");

        Assert.Contains("<h1>Annuler ma demande</h1>", await WebVisitor.TextOfAsync(confirm), StringComparison.Ordinal);
        Assert.Equal("/compte", WebVisitor.RedirectPath(posted));
        Assert.Equal(MembershipStatus.Withdrawn, await StatusAsync(person.Id, company));
        Assert.Contains($"Votre demande d'accès à {company.Name} est annulée.", await WebVisitor.TextOfAsync(account), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leave_AsTheLastAdministrator_SaysToNameAnotherFirst_AndStays()
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        var company = await server.NewCompanyAsync();
        await MembershipAsync(person.Id, company, MembershipRole.Administrator, MembershipStatus.Active);
        using var visitor = await SignedInAsync(string.Empty, person.Email);
        var path = $"/compte/entreprises/{company.Id}/quitter";

        using var posted = await visitor.SubmitAsync(path, path);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("nommez d'abord un autre administrateur", await WebVisitor.TextOfAsync(posted), StringComparison.Ordinal);
        Assert.Equal(MembershipStatus.Active, await StatusAsync(person.Id, company));
    }

    [Fact]
    public async Task Leave_ACompanyThatIsNotMine_IsNotFound_AndAForgedPostChangesNothing()
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        var someoneElse = await WebVisitor.CreatePersonAsync(server);
        var company = await server.NewCompanyAsync();
        await MembershipAsync(someoneElse.Id, company, MembershipRole.Member, MembershipStatus.Active);
        var mine = await server.NewCompanyAsync();
        await MembershipAsync(person.Id, mine, MembershipRole.Member, MembershipStatus.Active);
        using var visitor = await SignedInAsync(string.Empty, person.Email);

        using var page = await visitor.GetAsync($"/compte/entreprises/{company.Id}/quitter");
        using var forged = await visitor.SubmitAsync($"/compte/entreprises/{mine.Id}/quitter", $"/compte/entreprises/{company.Id}/quitter");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Vous n'avez ni accès ni demande en attente pour cette entreprise", await WebVisitor.TextOfAsync(forged),
            StringComparison.Ordinal);
        Assert.Equal(MembershipStatus.Active, await StatusAsync(someoneElse.Id, company));
        Assert.Equal(MembershipStatus.Active, await StatusAsync(person.Id, mine));
    }

    [Theory]
    [MemberData(nameof(Spaces))]
    public async Task ExpiredPasswordPage_WhenThePasswordHasNotExpired_LeadsToChangerMonMotDePasse_GetAndPost_AndChangesNothing(string space)
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        using var visitor = await SignedInAsync(space, person.Email);
        var before = await server.InDbAsync(db => db.People.Where(p => p.Id == person.Id).Select(p => new { p.PasswordHash, p.SecurityStamp })
            .SingleAsync());
        var voluntaryHtml = await WebVisitor.TextOfAsync(await visitor.GetAsync($"{space}/compte/mot-de-passe"));

        using var get = await visitor.GetAsync($"{space}/compte/mot-de-passe-expire");
        using var post = await visitor.SubmitFromAsync(voluntaryHtml, $"{space}/compte/mot-de-passe-expire",
            ("CurrentPassword", WebVisitor.Password), ("Password", NewPassword), ("PasswordConfirmation", NewPassword));

        Assert.Equal($"{space}/compte/mot-de-passe", WebVisitor.RedirectPath(get));
        Assert.Equal($"{space}/compte/mot-de-passe", WebVisitor.RedirectPath(post));
        var after = await server.InDbAsync(db => db.People.Where(p => p.Id == person.Id).Select(p => new { p.PasswordHash, p.SecurityStamp })
            .SingleAsync());
        Assert.Equal(before, after);
        Assert.DoesNotContain("Pour continuer, choisissez un nouveau mot de passe.", voluntaryHtml, StringComparison.Ordinal);
        Assert.Contains($"href=\"{space}/compte\">Retour à Mon compte</a>", voluntaryHtml, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Spaces))]
    public async Task ExpiredPassword_OpensTheExpiredPage_InItsWords_AndTheVoluntaryPageLeadsThere(string space)
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        await server.InDbAsync(db => db.People.Where(p => p.Id == person.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.PasswordChangedAt, server.Clock.GetUtcNow().AddDays(-600))));
        using var visitor = await SignedInAsync(space, person.Email);

        using var voluntary = await visitor.GetAsync($"{space}/compte/mot-de-passe");
        using var expired = await visitor.GetAsync($"{space}/compte/mot-de-passe-expire");

        Assert.Equal($"{space}/compte/mot-de-passe-expire", WebVisitor.RedirectPath(voluntary));
        Assert.Equal(HttpStatusCode.OK, expired.StatusCode);
        var html = PartnerSteps.Text(await WebVisitor.TextOfAsync(expired));
        Assert.Contains("<h1>Votre mot de passe a expiré</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Pour continuer, choisissez un nouveau mot de passe.</p>", html, StringComparison.Ordinal);
        Assert.Contains(">Mot de passe actuel</label>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Retour à Mon compte", html, StringComparison.Ordinal);
    }

    private async Task<WebVisitor> SignedInAsync(string space, string email)
    {
        var visitor = new WebVisitor(server);
        if (space.Length == 0)
        {
            await visitor.SignInToPortalAsync(email);
        }
        else
        {
            await visitor.SignInToPartnersAsync(email);
        }

        return visitor;
    }

    private Task<Guid> VersionAsync(Guid personId) =>
        server.InDbAsync(db => db.People.Where(p => p.Id == personId).Select(p => p.Version).SingleAsync());

    private Task<int> MembershipAsync(Guid personId, Company company, MembershipRole role, MembershipStatus status) => server.InDbAsync(db =>
    {
        db.Memberships.Add(new Membership
        {
            PersonId = personId,
            CompanyId = company.Id,
            Role = role,
            Status = status,
            RequestedAt = server.Clock.GetUtcNow(),
        });
        return db.SaveChangesAsync();
    });

    private Task<MembershipStatus> StatusAsync(Guid personId, Company company) => server.InDbAsync(db =>
        db.Memberships.Where(m => m.PersonId == personId && m.CompanyId == company.Id).Select(m => m.Status).SingleAsync());
}
