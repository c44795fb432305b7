using System.Net;
using System.Text.RegularExpressions;
using Guichet.Domain.Auditing;
using Guichet.Domain.Staff;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.BackOffice;

/// <summary>"Équipe", the staff administrators' pages, through their real forms, on both providers.</summary>
public abstract partial class TeamPagesTests(GuichetServer server)
{
    private const string Team = "/back-office/equipe";
    private const string NewMember = "/back-office/equipe/ajouter";
    private const string Probe = "/back-office/nulle-part";

    [Fact]
    public async Task TeamList_ShowsNameEmailRoleTotpStateAndLastSignInInParisTime()
    {
        using var admin = await SignedInStaff.SignInAsync(server, StaffRole.Administrator, "Ada Admin");
        var fresh = await SignedInStaff.CreateAsync(server, StaffRole.Agent, "Félix Nouveau");
        var lastSignIn = await server.InDbAsync(db => db.StaffMembers.Where(s => s.Id == admin.Id).Select(s => s.LastSignInAt).SingleAsync());

        using var response = await admin.Visitor.GetAsync(Team);
        var text = await WebVisitor.TextOfAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<title>Équipe — Guichet — Back office</title>", text, StringComparison.Ordinal);
        var paris = TimeZoneInfo.ConvertTime(lastSignIn!.Value, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
        Assert.Matches(Row(admin.Email, "Ada Admin", "Administrateur", "Oui", "Actif",
            paris.ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture)), text);
        Assert.Matches(Row(fresh.Email, "Félix Nouveau", "Agent", "Non", "Première connexion à faire", "Jamais"), text);
    }

    [Fact]
    public async Task Create_ShowsTheOneTimePasswordOnce_ThatOpensAFirstSignIn_AndIsAudited()
    {
        using var admin = await SignedInStaff.SignInAsync(server, StaffRole.Administrator);
        var email = $"n-{Guid.NewGuid():N}@guichet.test";

        using var created = await admin.Visitor.SubmitAsync(NewMember, NewMember,
            ("Email", email), ("DisplayName", "Noé Nouveau"), ("Role", "administrator"));
        var text = await WebVisitor.TextOfAsync(created);
        var password = OneTimePassword().Match(text).Groups[1].Value;
        using var list = await admin.Visitor.GetAsync(Team);
        using var newcomer = new WebVisitor(server);
        using var signIn = await newcomer.SubmitAsync("/back-office/connexion", "/back-office/connexion", ("Email", email), ("Password", password));
        var audit = await server.InDbAsync(db => db.AuditEntries.SingleAsync(a => a.Event == AuditEvents.StaffMemberCreated && a.Subject == email));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("Il ne sera plus affiché.", text, StringComparison.Ordinal);
        Assert.Contains("no-store", created.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(16, password.Length);
        Assert.DoesNotContain(password, await WebVisitor.TextOfAsync(list), StringComparison.Ordinal);
        Assert.Equal("/back-office/connexion/nouveau-mot-de-passe", WebVisitor.RedirectPath(signIn));
        Assert.Equal("staff:" + admin.Email, audit.Actor);
        Assert.Equal("127.0.0.1", audit.RemoteAddress);
        Assert.Equal(nameof(StaffRole.Administrator), audit.ToValue);
    }

    [Fact]
    public async Task Create_WithBadInput_ShowsEachErrorUnderItsField_AndCreatesNothing()
    {
        using var admin = await SignedInStaff.SignInAsync(server, StaffRole.Administrator);
        var count = await server.InDbAsync(db => db.StaffMembers.CountAsync());

        using var refused = await admin.Visitor.SubmitAsync(NewMember, NewMember,
            ("Email", "pas-une-adresse"), ("DisplayName", " "), ("Role", "chef"));
        using var taken = await admin.Visitor.SubmitAsync(NewMember, NewMember, ("Email", admin.Email), ("DisplayName", "Double"), ("Role", "agent"));
        var text = await WebVisitor.TextOfAsync(refused);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(FieldErrors.Under("Email") + "Adresse électronique invalide", text, StringComparison.Ordinal);
        Assert.Contains(FieldErrors.Under("DisplayName") + "Le nom est obligatoire.", text, StringComparison.Ordinal);
        Assert.Contains(FieldErrors.Under("Role") + "Rôle inconnu : agent ou administrateur.", text,
            StringComparison.Ordinal);
        Assert.Contains("Un membre du back office a déjà cette adresse électronique.", await WebVisitor.TextOfAsync(taken),
            StringComparison.Ordinal);
        Assert.Equal(count, await server.InDbAsync(db => db.StaffMembers.CountAsync()));
    }

    [Fact]
    public async Task Disable_WithoutTheConfirmationBox_DoesNothing()
    {
        using var admin = await SignedInStaff.SignInAsync(server, StaffRole.Administrator);
        using var agent = await SignedInStaff.SignInAsync(server);
        var page = $"{Team}/{agent.Id}";

        using var refused = await admin.Visitor.SubmitAsync(page, page + "?handler=Desactiver");
        using var stillIn = await agent.Visitor.GetAsync(Probe);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Cochez la case pour confirmer : rien n'a été fait.", await WebVisitor.TextOfAsync(refused), StringComparison.Ordinal);
        Assert.False(await server.InDbAsync(db => db.StaffMembers.Where(s => s.Id == agent.Id).Select(s => s.Disabled).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, stillIn.StatusCode);
    }

    [Fact]
    public async Task Disable_Confirmed_EndsTheMembersOpenSessionAtTheNextRequest_AndReenableLetsThemBackIn()
    {
        using var admin = await SignedInStaff.SignInAsync(server, StaffRole.Administrator);
        using var agent = await SignedInStaff.SignInAsync(server, displayName: "Dominique Départ");
        var page = $"{Team}/{agent.Id}";
        using var before = await agent.Visitor.GetAsync(Probe);

        using var disabled = await admin.Visitor.SubmitAsync(page, page + "?handler=Desactiver", ("confirmation", "true"));
        using var after = await agent.Visitor.GetAsync(Probe);
        using var list = await admin.Visitor.GetAsync(Team);
        using var enabled = await admin.Visitor.SubmitAsync(page, page + "?handler=Reactiver");
        await agent.SignInAgainAsync();
        using var back = await agent.Visitor.GetAsync(Probe);
        var events = await server.InDbAsync(db => db.AuditEntries.Where(a => a.Subject == agent.Email && a.Actor == "staff:" + admin.Email)
            .Select(a => a.Event).ToListAsync());

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(Team, WebVisitor.RedirectPath(disabled));
        Assert.Equal("/back-office/connexion", WebVisitor.RedirectPath(after));
        var listText = await WebVisitor.TextOfAsync(list);
        Assert.Contains("Le compte de Dominique Départ est désactivé.", listText, StringComparison.Ordinal);
        Assert.Matches(Row(agent.Email, "Dominique Départ", "Agent", "Oui", "Désactivé", "[0-9/: ]+"), listText);
        Assert.Equal(Team, WebVisitor.RedirectPath(enabled));
        Assert.Equal(HttpStatusCode.NotFound, back.StatusCode);
        Assert.Equal([AuditEvents.StaffMemberDisabled, AuditEvents.StaffMemberEnabled], events.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Reset_Confirmed_ShowsANewOneTimePassword_EndsTheSession_AndTheNextSignInMustReEnrol()
    {
        using var admin = await SignedInStaff.SignInAsync(server, StaffRole.Administrator);
        using var agent = await SignedInStaff.SignInAsync(server);
        var page = $"{Team}/{agent.Id}";

        using var reset = await admin.Visitor.SubmitAsync(page, page + "?handler=Reinitialiser", ("confirmationReinitialisation", "true"));
        var password = OneTimePassword().Match(await WebVisitor.TextOfAsync(reset)).Groups[1].Value;
        using var after = await agent.Visitor.GetAsync(Probe);
        using var oldPassword = new WebVisitor(server);
        using var refused = await oldPassword.SubmitAsync("/back-office/connexion", "/back-office/connexion",
            ("Email", agent.Email), ("Password", SignedInStaff.Password));
        server.Clock.Advance(TimeSpan.FromSeconds(31)); // past the brake's wait after that failure
        using var visitor = new WebVisitor(server);
        using var signIn = await visitor.SubmitAsync("/back-office/connexion", "/back-office/connexion",
            ("Email", agent.Email), ("Password", password));
        using var changed = await visitor.SubmitAsync("/back-office/connexion/nouveau-mot-de-passe", "/back-office/connexion/nouveau-mot-de-passe",
            ("CurrentPassword", password), ("Password", "Encore-pass2!"), ("PasswordConfirmation", "Encore-pass2!"));

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("no-store", reset.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(16, password.Length);
        Assert.Equal("/back-office/connexion", WebVisitor.RedirectPath(after));
        Assert.Contains("Adresse électronique ou mot de passe incorrect.", await WebVisitor.TextOfAsync(refused), StringComparison.Ordinal);
        Assert.Equal("/back-office/connexion/nouveau-mot-de-passe", WebVisitor.RedirectPath(signIn));
        Assert.Equal("/back-office/connexion/authentificateur", WebVisitor.RedirectPath(changed));
        Assert.Equal("staff:" + admin.Email, await server.InDbAsync(db =>
            db.AuditEntries.Where(a => a.Event == AuditEvents.StaffMemberReset && a.Subject == agent.Email).Select(a => a.Actor).SingleAsync()));
    }

    [Fact]
    public async Task Reset_WithoutTheConfirmationBox_DoesNothing()
    {
        using var admin = await SignedInStaff.SignInAsync(server, StaffRole.Administrator);
        using var agent = await SignedInStaff.SignInAsync(server);
        var page = $"{Team}/{agent.Id}";

        using var refused = await admin.Visitor.SubmitAsync(page, page + "?handler=Reinitialiser");
        using var stillIn = await agent.Visitor.GetAsync(Probe);

        Assert.Contains("Cochez la case pour confirmer : rien n'a été fait.", await WebVisitor.TextOfAsync(refused), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, stillIn.StatusCode);
    }

    [Fact]
    public async Task DisablingOrResettingOneself_ShowsTheUseCasesError_AndChangesNothing()
    {
        using var admin = await SignedInStaff.SignInAsync(server, StaffRole.Administrator);
        var page = $"{Team}/{admin.Id}";

        using var disable = await admin.Visitor.SubmitAsync(page, page + "?handler=Desactiver", ("confirmation", "true"));
        using var reset = await admin.Visitor.SubmitAsync(page, page + "?handler=Reinitialiser", ("confirmationReinitialisation", "true"));
        using var stillIn = await admin.Visitor.GetAsync(Team);

        Assert.Contains("Vous ne pouvez ni désactiver ni réinitialiser votre propre compte", await WebVisitor.TextOfAsync(disable),
            StringComparison.Ordinal);
        Assert.Contains("Vous ne pouvez ni désactiver ni réinitialiser votre propre compte", await WebVisitor.TextOfAsync(reset),
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
    }

    [Fact]
    public async Task UnknownMember_IsNotFound()
    {
        using var admin = await SignedInStaff.SignInAsync(server, StaffRole.Administrator);

        using var response = await admin.Visitor.GetAsync($"{Team}/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string Row(string email, string name, string role, string totp, string state, string lastSignIn) =>
        $"<tr data-email=\"{Regex.Escape(email)}\">\\s*<td>{Regex.Escape(name)}</td>\\s*<td>{Regex.Escape(email)}</td>\\s*<td>{role}</td>"
        + $"\\s*<td>{totp}</td>\\s*<td>{Regex.Escape(state)}</td>\\s*<td>{lastSignIn}</td>";

    [GeneratedRegex("<code class=\"mot-de-passe\" id=\"mot-de-passe\">([^<]+)</code>")]
    private static partial Regex OneTimePassword();
}

public sealed class TeamPagesTestsOnSqlite(SqliteServerFixture server) : TeamPagesTests(server), IClassFixture<SqliteServerFixture>;

public sealed class TeamPagesTestsOnPostgres(PostgresServerFixture server) : TeamPagesTests(server), IClassFixture<PostgresServerFixture>;
