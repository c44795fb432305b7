using System.Net;
using Guichet.Domain.Staff;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.BackOffice;

/// <summary>
/// Who may open what, each cell a test, with sessions opened through the real sign-ins: agents on the administrators'
/// pages, portal people and white-label accounts on the back office, staff on the portal.
/// </summary>
public sealed class BackOfficeRoleMatrixTests(SqliteServerFixture server) : IClassFixture<SqliteServerFixture>
{
    /// <summary>Every back-office address known today (the staff pages, the sign-in's steps, the sections of the menu).</summary>
    public static TheoryData<string> BackOfficeAddresses => new()
    {
        "/back-office", "/back-office/equipe", "/back-office/equipe/ajouter", $"/back-office/equipe/{Guid.NewGuid()}",
        "/back-office/connexion/nouveau-mot-de-passe", "/back-office/connexion/authentificateur", "/back-office/connexion/code",
        "/back-office/acces-refuse", "/back-office/deconnexion", "/back-office/dossiers", "/back-office/marques-blanches",
        "/back-office/marques-blanches/nouvelle", "/back-office/marques-blanches/demo", "/back-office/marques-blanches/demo/modifier",
        "/back-office/annuaire", "/back-office/annuaire/import", $"/back-office/annuaire/import/{Guid.NewGuid()}",
        $"/back-office/annuaire/entreprises/{Guid.NewGuid()}", "/back-office/journal", "/back-office/etablissements",
        "/back-office/etablissements/import", $"/back-office/etablissements/apercu/{Guid.NewGuid()}", "/back-office/etablissements/35600000000048",
        "/back-office/partenaires", $"/back-office/partenaires/{Guid.NewGuid()}",
    };

    [Theory]
    [InlineData("/back-office/equipe")]
    [InlineData("/back-office/equipe/ajouter")]
    [InlineData("/back-office/equipe/{admin}")]
    public async Task Agent_OpeningATeamPage_GetsTheAccessDeniedPage403(string path)
    {
        using var admin = await SignedInStaff.SignInAsync(server, StaffRole.Administrator);
        using var agent = await SignedInStaff.SignInAsync(server);

        using var response = await agent.Visitor.GetAsync(path.Replace("{admin}", admin.Id.ToString(), StringComparison.Ordinal));
        using var followed = await agent.Visitor.GetAsync(WebVisitor.RedirectPath(response)!);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/back-office/acces-refuse", WebVisitor.RedirectPath(response));
        Assert.Equal(HttpStatusCode.Forbidden, followed.StatusCode);
        Assert.Contains("<h1>Accès refusé</h1>", await WebVisitor.TextOfAsync(followed), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/back-office/equipe/ajouter", "")]
    [InlineData("/back-office/equipe/{admin}?handler=Desactiver", "confirmation=true")]
    [InlineData("/back-office/equipe/{admin}?handler=Reinitialiser", "confirmationReinitialisation=true")]
    [InlineData("/back-office/equipe/{admin}?handler=Reactiver", "")]
    public async Task Agent_PostingATeamForm_GetsTheAccessDeniedPage403_AndNothingChanges(string action, string field)
    {
        using var admin = await SignedInStaff.SignInAsync(server, StaffRole.Administrator);
        using var agent = await SignedInStaff.SignInAsync(server);
        var email = $"intrus-{Guid.NewGuid():N}@guichet.test";
        (string Name, string Value)[] fields = [("Email", email), ("DisplayName", "Intrus"), ("Role", "administrator")];
        if (field.Length > 0)
        {
            fields = [.. fields, (field.Split('=')[0], field.Split('=')[1])];
        }


        // The agent's own token, from a page they may open: the refusal must come from the role, not from antiforgery.
        using var response = await agent.Visitor.SubmitAsync("/back-office/acces-refuse",
            action.Replace("{admin}", admin.Id.ToString(), StringComparison.Ordinal), fields);
        using var followed = await agent.Visitor.GetAsync(WebVisitor.RedirectPath(response)!);
        var adminNow = await server.InDbAsync(db => db.StaffMembers.AsNoTracking().SingleAsync(s => s.Id == admin.Id));

        Assert.Equal("/back-office/acces-refuse", WebVisitor.RedirectPath(response));
        Assert.Equal(HttpStatusCode.Forbidden, followed.StatusCode);
        Assert.False(await server.InDbAsync(db => db.StaffMembers.AnyAsync(s => s.Email == email)));
        Assert.False(adminNow.Disabled);
        Assert.False(adminNow.MustChangePassword);
        using var adminStillIn = await admin.Visitor.GetAsync("/back-office/equipe");
        Assert.Equal(HttpStatusCode.OK, adminStillIn.StatusCode);
    }

    /// <summary>Decision: agents read the audit trail too (they process the files and need to see who did what to them).</summary>
    [Fact]
    public async Task Agent_ReadsAndExportsTheAuditTrail()
    {
        using var agent = await SignedInStaff.SignInAsync(server);

        using var page = await agent.Visitor.GetAsync("/back-office/journal");
        using var export = await agent.Visitor.GetAsync("/back-office/journal?handler=Exporter");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal((HttpStatusCode.OK, "text/csv"), (export.StatusCode, export.Content.Headers.ContentType?.MediaType));
    }

    /// <summary>
    /// Decision: the establishments' pages and their import are open to every staff member, as the member directory's
    /// are (agents open partners' accesses, so they maintain the establishments they grant).
    /// </summary>
    [Theory]
    [InlineData(StaffRole.Agent, "/back-office/etablissements")]
    [InlineData(StaffRole.Agent, "/back-office/etablissements/import")]
    [InlineData(StaffRole.Administrator, "/back-office/etablissements")]
    [InlineData(StaffRole.Administrator, "/back-office/etablissements/import")]
    public async Task Staff_OpenTheEstablishmentsPages_WhateverTheirRole(StaffRole role, string path)
    {
        using var staff = await SignedInStaff.SignInAsync(server, role);

        using var response = await staff.Visitor.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The role-matrix cell "an agent on white-label settings": every page of the white labels, by GET.</summary>
    [Theory]
    [InlineData("/back-office/marques-blanches")]
    [InlineData("/back-office/marques-blanches/nouvelle")]
    [InlineData("/back-office/marques-blanches/{code}")]
    [InlineData("/back-office/marques-blanches/{code}/modifier")]
    public async Task Agent_OpeningAWhiteLabelPage_GetsTheAccessDeniedPage403(string path)
    {
        var whiteLabel = (await server.CreateWhiteLabelAsync()).WhiteLabel;
        using var agent = await SignedInStaff.SignInAsync(server);

        using var response = await agent.Visitor.GetAsync(path.Replace("{code}", whiteLabel.Code, StringComparison.Ordinal));
        using var followed = await agent.Visitor.GetAsync(WebVisitor.RedirectPath(response)!);

        Assert.Equal("/back-office/acces-refuse", WebVisitor.RedirectPath(response));
        Assert.Equal(HttpStatusCode.Forbidden, followed.StatusCode);
    }

    /// <summary>The same cell by POST, on every form of the white labels: refused, and nothing changes.</summary>
    [Theory]
    [InlineData("/back-office/marques-blanches/nouvelle")]
    [InlineData("/back-office/marques-blanches/{code}/modifier")]
    [InlineData("/back-office/marques-blanches/{code}?handler=Secret")]
    [InlineData("/back-office/marques-blanches/{code}?handler=CleSso")]
    [InlineData("/back-office/marques-blanches/{code}?handler=Administrateur")]
    [InlineData("/back-office/marques-blanches/{code}?handler=Desactiver")]
    [InlineData("/back-office/marques-blanches/{code}?handler=Reactiver")]
    public async Task Agent_PostingAWhiteLabelForm_GetsTheAccessDeniedPage403_AndNothingChanges(string action)
    {
        var tenant = await Tenant.CreateAsync(server);
        var whiteLabel = tenant.Credentials.WhiteLabel;
        if (action.EndsWith("Reactiver", StringComparison.Ordinal))
        {
            await server.InDbAsync(db =>
                db.WhiteLabels.Where(w => w.Id == whiteLabel.Id).ExecuteUpdateAsync(set => set.SetProperty(w => w.Disabled, true)));
        }

        var before = await server.InDbAsync(db => db.WhiteLabels.AsNoTracking().SingleAsync(w => w.Id == whiteLabel.Id));
        var adminHash = await server.InDbAsync(db => db.Accounts.Where(a => a.Login == tenant.AdminLogin).Select(a => a.PasswordHash).SingleAsync());
        using var agent = await SignedInStaff.SignInAsync(server);
        var code = "mb" + Guid.NewGuid().ToString("N")[..10];
        var version = before.Version.ToString();
        (string Name, string Value)[] fields =
        [
            ("Code", code), .. WhiteLabelPagesTests.Form("Intrus", "intrus.exemple.fr"), ("version", version), ("GraceHours", "0"),
            ("identifiant", tenant.AdminLogin), ("confirmation", "true"),
        ];

        // The agent's own token, from a page they may open: the refusal must come from the role, not from antiforgery.
        using var response = await agent.Visitor.SubmitAsync(
            "/back-office/acces-refuse", action.Replace("{code}", whiteLabel.Code, StringComparison.Ordinal), fields);
        using var followed = await agent.Visitor.GetAsync(WebVisitor.RedirectPath(response)!);
        var after = await server.InDbAsync(db => db.WhiteLabels.AsNoTracking().SingleAsync(w => w.Id == whiteLabel.Id));

        Assert.Equal("/back-office/acces-refuse", WebVisitor.RedirectPath(response));
        Assert.Equal(HttpStatusCode.Forbidden, followed.StatusCode);
        Assert.False(await server.InDbAsync(db => db.WhiteLabels.AnyAsync(w => w.Code == code)));
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.WsseSecretProtected, after.WsseSecretProtected);
        Assert.Equal(before.SsoKeyProtected, after.SsoKeyProtected);
        Assert.Equal(before.Disabled, after.Disabled);
        Assert.Equal(adminHash, await server.InDbAsync(db =>
            db.Accounts.Where(a => a.Login == tenant.AdminLogin).Select(a => a.PasswordHash).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(BackOfficeAddresses))]
    public async Task SignedInPortalPerson_OnABackOfficeAddress_IsSentToTheStaffSignIn(string path)
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        using var visitor = new WebVisitor(server);
        await visitor.SignInToPortalAsync(person.Email);
        // The portal's cookie, sent to the back office's addresses too.
        var portal = visitor.Cookies.GetAllCookies().Single(c => c.Name == "guichet.portal");
        visitor.SetCookie("guichet.back-office", portal.Value, "/back-office");
        visitor.SetCookie("guichet.back-office.pending", portal.Value, "/back-office");

        using var response = await visitor.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/back-office/connexion", WebVisitor.RedirectPath(response));
    }

    [Fact]
    public async Task PortalPerson_OnTheStaffSignIn_IsRefusedLikeAnUnknownEmail()
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        using var visitor = new WebVisitor(server);

        using var response = await visitor.SubmitAsync("/back-office/connexion", "/back-office/connexion",
            ("Email", person.Email), ("Password", WebVisitor.Password));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Adresse électronique ou mot de passe incorrect.", await WebVisitor.TextOfAsync(response), StringComparison.Ordinal);
        Assert.DoesNotContain(visitor.Cookies.GetAllCookies(), c => c.Name.StartsWith("guichet.back-office", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WhiteLabelCredentials_OnTheStaffSignIn_AreRefusedLikeAnUnknownEmail(bool wsse)
    {
        var whiteLabel = await server.CreateWhiteLabelAsync();
        var (login, password) = wsse
            ? (whiteLabel.WsseUsername, whiteLabel.WsseSecret)
            : await server.CreateAdministratorAsync(whiteLabel.WhiteLabel.Code);
        using var visitor = new WebVisitor(server);
        using var unknownVisitor = new WebVisitor(server);

        using var response = await visitor.SubmitAsync("/back-office/connexion", "/back-office/connexion", ("Email", login), ("Password", password));
        using var unknown = await unknownVisitor.SubmitAsync("/back-office/connexion", "/back-office/connexion",
            ("Email", $"inconnu-{Guid.NewGuid():N}@guichet.test"), ("Password", password));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(MessageOf(await WebVisitor.TextOfAsync(unknown)), MessageOf(await WebVisitor.TextOfAsync(response)));
        Assert.Contains("Adresse électronique ou mot de passe incorrect.", await WebVisitor.TextOfAsync(response), StringComparison.Ordinal);
        Assert.DoesNotContain(visitor.Cookies.GetAllCookies(), c => c.Name.StartsWith("guichet.back-office", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/outils")]
    [InlineData("/entreprises/ajouter")]
    [InlineData("/compte/mot-de-passe-expire")]
    public async Task StaffCookie_OnAPortalPage_IsAnonymousThere(string path)
    {
        using var admin = await SignedInStaff.SignInAsync(server, StaffRole.Administrator);
        var staffCookie = admin.Visitor.Cookies.GetAllCookies().Single(c => c.Name == "guichet.back-office");
        // Even sent to the whole site, and under the portal cookie's name, it counts for nothing there.
        admin.Visitor.SetCookie("guichet.back-office", staffCookie.Value, "/");
        using var disguised = new WebVisitor(server);
        disguised.SetCookie("guichet.portal", staffCookie.Value, "/");

        using var response = await admin.Visitor.GetAsync(path);
        using var disguisedResponse = await disguised.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/connexion", WebVisitor.RedirectPath(response));
        Assert.Equal("/connexion", WebVisitor.RedirectPath(disguisedResponse));
    }

    /// <summary>The sign-in's error line, without the brake's wait (which depends on each key's count).</summary>
    private static string MessageOf(string text)
    {
        var start = text.IndexOf("Adresse électronique ou mot de passe incorrect.", StringComparison.Ordinal);
        return start < 0 ? text : text.Substring(start, "Adresse électronique ou mot de passe incorrect.".Length);
    }
}
