using System.Net;
using Guichet.Domain.Auditing;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.Partners;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.People;

/// <summary>
/// A person's session, in either space: it ends after 30 minutes without a request and 12 hours after signing in however
/// active, and signing out ends it on the server (a copy of the cookie taken before opens nothing afterwards).
/// </summary>
public abstract class PersonSessionTests(GuichetServer server)
{
    public static TheoryData<string> Spaces => ["", "/partenaire"];

    [Theory]
    [MemberData(nameof(Spaces))]
    public async Task SignOut_EndsTheSessionOnTheServer_ACopiedCookieOpensNothingAfterwards(string space)
    {
        using var browser = new WebVisitor(server);
        var person = await SignInAsync(browser, space);
        using var copy = new WebVisitor(server);
        var cookie = Assert.Single(browser.Cookies.GetAllCookies(), c => c.Name == SessionCookie(space));
        copy.SetCookie(cookie.Name, cookie.Value, "/");
        using var before = await copy.GetAsync(HomeOf(space));

        using var signOut = await browser.SubmitAsync(space + "/deconnexion", space + "/deconnexion");
        using var after = await copy.GetAsync(HomeOf(space));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(space + "/connexion", WebVisitor.RedirectPath(after));
        var audited = await server.InDbAsync(db => db.AuditEntries
            .Where(e => e.Actor == person && (e.Event == AuditEvents.PersonSignedIn || e.Event == AuditEvents.PersonSignedOut))
            .OrderBy(e => e.Id).Select(e => e.Event).ToListAsync());
        Assert.Equal([AuditEvents.PersonSignedIn, AuditEvents.PersonSignedOut], audited);
    }

    [Theory]
    [MemberData(nameof(Spaces))]
    public async Task Idle_29MinutesKeepsTheSession_31MinutesEndsIt(string space)
    {
        using var browser = new WebVisitor(server);
        await SignInAsync(browser, space);
        using var idle = new WebVisitor(server);
        var cookie = Assert.Single(browser.Cookies.GetAllCookies(), c => c.Name == SessionCookie(space));
        idle.SetCookie(cookie.Name, cookie.Value, "/");

        server.Clock.Advance(TimeSpan.FromMinutes(29));
        using var afterTwentyNine = await browser.GetAsync(HomeOf(space));
        server.Clock.Advance(TimeSpan.FromMinutes(2));
        using var idleFor31 = await idle.GetAsync(HomeOf(space));
        using var idleFor2 = await browser.GetAsync(HomeOf(space));
        server.Clock.Advance(TimeSpan.FromMinutes(31));
        using var idleFor31Again = await browser.GetAsync(HomeOf(space));

        Assert.Equal(HttpStatusCode.OK, afterTwentyNine.StatusCode);
        Assert.Equal(space + "/connexion", WebVisitor.RedirectPath(idleFor31));
        Assert.Equal(HttpStatusCode.OK, idleFor2.StatusCode);
        Assert.Equal(space + "/connexion", WebVisitor.RedirectPath(idleFor31Again));
    }

    [Theory]
    [MemberData(nameof(Spaces))]
    public async Task Activity_KeepsTheSessionUpTo12Hours_NotBeyond(string space)
    {
        using var browser = new WebVisitor(server);
        await SignInAsync(browser, space);

        var statuses = new List<HttpStatusCode>();
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(12) - TimeSpan.FromMinutes(20); elapsed += TimeSpan.FromMinutes(20))
        {
            server.Clock.Advance(TimeSpan.FromMinutes(20));
            using var response = await browser.GetAsync(HomeOf(space));
            statuses.Add(response.StatusCode);
        }

        server.Clock.Advance(TimeSpan.FromMinutes(20));
        using var at12Hours = await browser.GetAsync(HomeOf(space));

        Assert.Equal(35, statuses.Count);
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(space + "/connexion", WebVisitor.RedirectPath(at12Hours));
    }

    private static string SessionCookie(string space) => space == "" ? "guichet.portal" : "guichet.partenaire";

    /// <summary>A page any signed-in person of the space may open (the Entreprise one names the tools).</summary>
    private static string HomeOf(string space) => space == "" ? "/entreprises/ajouter" : "/partenaire";

    private async Task<string> SignInAsync(WebVisitor browser, string space)
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        if (space == "")
        {
            await browser.SignInToPortalAsync(person.Email);
        }
        else
        {
            await browser.SignInToPartnersAsync(person.Email);
        }

        using var home = await browser.GetAsync(HomeOf(space));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        return person.Email;
    }
}

public sealed class PersonSessionTestsOnSqlite(SqliteServerFixture server) : PersonSessionTests(server), IClassFixture<SqliteServerFixture>;

public sealed class PersonSessionTestsOnPostgres(PostgresServerFixture server) : PersonSessionTests(server), IClassFixture<PostgresServerFixture>;
