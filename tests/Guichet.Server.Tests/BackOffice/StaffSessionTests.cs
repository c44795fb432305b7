using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Guichet.Server.Areas.BackOffice;
using Guichet.Server.Areas.Portal;
using Guichet.Server.People;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Guichet.Server.Tests.BackOffice;

/// <summary>
/// Staff sessions with a stand-in for the staff accounts: what the back-office cookie opens, for how long, and what it
/// never opens. Some tests advance the server's clock; each relies only on time it advances itself.
/// </summary>
public sealed partial class StaffSessionTests(StaffSessionServer server) : IClassFixture<StaffSessionServer>
{
    private const string Unknown = "/back-office/nulle-part";

    [Fact]
    public async Task StaffCookie_OpensTheBackOffice_WhereAnUnknownAddressShowsTheSharedErrorPage()
    {
        using var visitor = StaffVisitor(Open(BackOfficeClaims.AgentRole));

        using var response = await visitor.GetAsync(Unknown);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var text = await WebVisitor.TextOfAsync(response);
        Assert.Contains("<h1>Page introuvable</h1>", text, StringComparison.Ordinal);
        Assert.Matches(ReferencePattern(), text);
        Assert.Contains("Retour au back office", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffCookie_SentToThePortal_CountsForNothingThere()
    {
        var cookie = WebVisitor.MintStaffCookie(server, Open(BackOfficeClaims.AdministratorRole));
        using var asItself = new WebVisitor(server);
        asItself.SetCookie("guichet.back-office", cookie, "/");
        using var asPortalCookie = new WebVisitor(server);
        asPortalCookie.SetCookie("guichet.portal", cookie, "/");

        using var backOffice = await asItself.GetAsync(Unknown);
        using var tools = await asItself.GetAsync("/outils");
        using var signIn = await asItself.GetAsync("/connexion");
        using var disguised = await asPortalCookie.GetAsync("/outils");

        Assert.Equal(HttpStatusCode.NotFound, backOffice.StatusCode);
        Assert.Equal("/connexion", WebVisitor.RedirectPath(tools));
        Assert.DoesNotContain("Se déconnecter", await WebVisitor.TextOfAsync(signIn), StringComparison.Ordinal);
        Assert.Equal("/connexion", WebVisitor.RedirectPath(disguised));
    }

    [Fact]
    public async Task RenewedSecurityStamp_EndsEverySessionIssuedBefore()
    {
        var staff = Open(BackOfficeClaims.AgentRole);
        using var visitor = StaffVisitor(staff);
        using var before = await visitor.GetAsync(Unknown);

        server.Sessions.RenewStamp(staff.StaffId());
        using var after = await visitor.GetAsync(Unknown);

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal("/back-office/connexion", WebVisitor.RedirectPath(after));
    }

    [Fact]
    public async Task ThirtyMinutesIdle_EndsTheSession_WhileRequestsKeepItAlive()
    {
        var original = WebVisitor.MintStaffCookie(server, Open(BackOfficeClaims.AgentRole));
        using var active = new WebVisitor(server);
        active.SetCookie("guichet.back-office", original, "/");
        using var idle = new WebVisitor(server);
        idle.SetCookie("guichet.back-office", original, "/");

        server.Clock.Advance(TimeSpan.FromMinutes(20));
        using var renewing = await active.GetAsync(Unknown);
        server.Clock.Advance(TimeSpan.FromMinutes(20));
        using var stillActive = await active.GetAsync(Unknown);
        using var idleFor40 = await idle.GetAsync(Unknown);
        server.Clock.Advance(TimeSpan.FromMinutes(31));
        using var idleFor31 = await active.GetAsync(Unknown);

        Assert.Equal(HttpStatusCode.NotFound, renewing.StatusCode);
        var renewed = Assert.Single(renewing.Headers.GetValues("Set-Cookie"), c => c.StartsWith("guichet.back-office=", StringComparison.Ordinal));
        Assert.Contains("path=/;", renewed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", renewed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", renewed, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, stillActive.StatusCode);
        Assert.Equal("/back-office/connexion", WebVisitor.RedirectPath(idleFor40));
        Assert.Equal("/back-office/connexion", WebVisitor.RedirectPath(idleFor31));
    }

    [Fact]
    public async Task EightHoursAfterSignIn_TheSessionEnds_HoweverActive()
    {
        using var visitor = StaffVisitor(Open(BackOfficeClaims.AdministratorRole));
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(7.5); elapsed += TimeSpan.FromMinutes(20))
        {
            server.Clock.Advance(TimeSpan.FromMinutes(20));
            using var response = await visitor.GetAsync(Unknown);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        server.Clock.Advance(TimeSpan.FromMinutes(19));
        using var at7h59 = await visitor.GetAsync(Unknown);
        server.Clock.Advance(TimeSpan.FromMinutes(2));
        using var at8h01 = await visitor.GetAsync(Unknown);

        Assert.Equal(HttpStatusCode.NotFound, at7h59.StatusCode);
        Assert.Equal("/back-office/connexion", WebVisitor.RedirectPath(at8h01));
    }

    [Theory]
    [InlineData(BackOfficeClaims.AgentRole, false)]
    [InlineData(BackOfficeClaims.AdministratorRole, true)]
    public async Task Layout_ShowsTheStaffMemberSignOutAndTheSectionsOfTheirRole(string role, bool administrator)
    {
        using var visitor = StaffVisitor(Open(role, "Camille Contrôle"));

        using var response = await visitor.GetAsync("/back-office/acces-refuse");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var text = await WebVisitor.TextOfAsync(response);
        Assert.Contains("<title>Accès refusé — Guichet — Back office</title>", text, StringComparison.Ordinal);
        Assert.Contains("Camille Contrôle", text, StringComparison.Ordinal);
        Assert.Contains("Se déconnecter", text, StringComparison.Ordinal);
        foreach (var section in new[] { "Tableau de bord", "Dossiers", "Annuaire des adhérents", "Établissements", "Journal d'audit" })
        {
            Assert.Contains($">{section}</a>", text, StringComparison.Ordinal);
        }

        Assert.Equal(administrator, text.Contains(">Marques blanches</a>", StringComparison.Ordinal));
        Assert.Equal(administrator, text.Contains(">Équipe</a>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignOutForm_EndsTheSession()
    {
        using var visitor = StaffVisitor(Open(BackOfficeClaims.AgentRole));

        using var signOut = await visitor.SubmitAsync("/back-office/acces-refuse", "/back-office/deconnexion");
        using var after = await visitor.GetAsync(Unknown);

        Assert.Equal("/back-office/connexion", WebVisitor.RedirectPath(signOut));
        Assert.DoesNotContain(visitor.Cookies.GetAllCookies(), c => c.Name == "guichet.back-office");
        Assert.Equal("/back-office/connexion", WebVisitor.RedirectPath(after));
    }

    [Fact]
    public async Task BugDuringABackOfficeRequest_ShowsTheErrorPageWithAReferenceFoundInTheLog()
    {
        var staff = Open(BackOfficeClaims.AgentRole);
        var secret = "detail-" + Guid.NewGuid().ToString("N");
        server.Sessions.Bug = (staff.StaffId(), secret);
        using var visitor = StaffVisitor(staff);

        using var response = await visitor.GetAsync("/back-office/dossiers");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var text = await WebVisitor.TextOfAsync(response);
        Assert.Contains("<h1>Une erreur est survenue</h1>", text, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        var reference = ReferencePattern().Match(text).Groups[1].Value;
        Assert.NotEmpty(reference);
        Assert.Contains(server.Log.Lines, line => line.Level == LogLevel.Error
            && line.Message.Contains(reference, StringComparison.Ordinal) && line.Exception?.Message == secret);
    }

    [Fact]
    public async Task Policies_StaffIsAnyStaffRole_StaffAdministratorOnlyAdministrators_NeitherAPortalPerson()
    {
        var agent = Open(BackOfficeClaims.AgentRole);
        var administrator = Open(BackOfficeClaims.AdministratorRole);
        var person = PersonClaims.For(new Domain.People.Person { Email = "p@exemple.fr", FirstName = "P", LastName = "Q", PasswordHash = "x" },
            passwordExpired: false, PortalClaims.Scheme, sessionId: Guid.Empty);
        var noRole = new ClaimsPrincipal(
            new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString())], BackOfficeClaims.Scheme));

        var results = await server.InScopeAsync(async services =>
        {
            var authorization = services.GetRequiredService<IAuthorizationService>();
            async Task<bool> Allowed(ClaimsPrincipal user, string policy) => (await authorization.AuthorizeAsync(user, policy)).Succeeded;
            return new[]
            {
                await Allowed(agent, BackOfficePolicies.Staff), await Allowed(agent, BackOfficePolicies.StaffAdministrator),
                await Allowed(administrator, BackOfficePolicies.Staff), await Allowed(administrator, BackOfficePolicies.StaffAdministrator),
                await Allowed(person, BackOfficePolicies.Staff), await Allowed(noRole, BackOfficePolicies.Staff),
            };
        });

        Assert.Equal([true, false, true, true, false, false], results);
    }

    [Fact]
    public void BackOfficeCookie_IsConfiguredAsDecided()
    {
        var options = server.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(BackOfficeClaims.Scheme);

        Assert.Equal("guichet.back-office", options.Cookie.Name);
        Assert.Equal("/", options.Cookie.Path);
        Assert.True(options.Cookie.HttpOnly);
        Assert.Equal(Microsoft.AspNetCore.Http.SameSiteMode.Strict, options.Cookie.SameSite);
        Assert.Equal(Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest, options.Cookie.SecurePolicy);
        Assert.Equal("/back-office/connexion", options.LoginPath);
        Assert.Equal("/back-office/acces-refuse", options.AccessDeniedPath);
        Assert.Equal(TimeSpan.FromMinutes(30), options.ExpireTimeSpan);
        Assert.True(options.SlidingExpiration);
    }

    private ClaimsPrincipal Open(string role, string displayName = "Sam Agent") => server.Sessions.Open(role, server.Clock.GetUtcNow(), displayName);

    private WebVisitor StaffVisitor(ClaimsPrincipal staff)
    {
        var visitor = new WebVisitor(server);
        visitor.SetCookie("guichet.back-office", WebVisitor.MintStaffCookie(server, staff), "/");
        return visitor;
    }

    [GeneratedRegex("Référence de la demande : <span class=\"reference\">([^<]+)</span>")]
    private static partial Regex ReferencePattern();
}
