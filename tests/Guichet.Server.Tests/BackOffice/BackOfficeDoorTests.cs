using System.Net;
using Guichet.Server.Areas.BackOffice;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Server.Tests.BackOffice;

/// <summary>The back office's door on a server as shipped today: no staff account can exist yet, so nobody gets in.</summary>
public sealed class BackOfficeDoorTests(SqliteServerFixture server) : IClassFixture<SqliteServerFixture>
{
    [Theory]
    [InlineData("/back-office")]
    [InlineData("/back-office/")]
    [InlineData("/back-office/dossiers")]
    [InlineData("/back-office/dossiers/12345/historique")]
    [InlineData("/back-office/acces-refuse")]
    [InlineData("/back-office/deconnexion")]
    public async Task Anonymous_AnyBackOfficeAddress_IsSentToTheStaffSignIn(string path)
    {
        using var visitor = new WebVisitor(server);

        using var response = await visitor.GetAsync(path);

        AssertSentToStaffSignIn(response);
    }

    [Fact]
    public async Task StaffSignIn_IsOpenInFrenchWithTheBackOfficeLayout()
    {
        using var visitor = new WebVisitor(server);

        using var response = await visitor.GetAsync("/back-office/connexion");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await WebVisitor.TextOfAsync(response);
        Assert.Contains("<html lang=\"fr\">", text, StringComparison.Ordinal);
        Assert.Contains("<title>Connexion au back office — Guichet — Back office</title>", text, StringComparison.Ordinal);
        Assert.Contains("/css/back-office.css", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Se déconnecter", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedInPortalPerson_OnTheBackOffice_IsSentToTheStaffSignIn()
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        using var visitor = new WebVisitor(server);
        await visitor.SignInToPortalAsync(person.Email);
        using var portal = await visitor.GetAsync("/entreprises/ajouter");
        Assert.Equal(HttpStatusCode.OK, portal.StatusCode);

        using var dashboard = await visitor.GetAsync("/back-office");
        using var signIn = await visitor.GetAsync("/back-office/connexion");

        AssertSentToStaffSignIn(dashboard);
        Assert.DoesNotContain(person.Email, await WebVisitor.TextOfAsync(signIn), StringComparison.Ordinal);
        Assert.DoesNotContain("Paule Portail", await WebVisitor.TextOfAsync(signIn), StringComparison.Ordinal);
    }

    /// <summary>Fail closed: until the staff part says who is current, even a cookie sealed by the server itself is refused.</summary>
    [Fact]
    public async Task StaffCookieSealedByTheServer_WithTheDefaultValidator_IsRefusedAndCleared()
    {
        var staff = BackOfficeClaims.For(
            Guid.NewGuid(), "a@guichet.test", "Ada Admin", BackOfficeClaims.AdministratorRole, "stamp", server.Clock.GetUtcNow());
        using var visitor = new WebVisitor(server);
        visitor.SetCookie("guichet.back-office", WebVisitor.MintStaffCookie(server, staff), "/back-office");

        using var response = await visitor.GetAsync("/back-office/dossiers");

        AssertSentToStaffSignIn(response);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("guichet.back-office=;", StringComparison.Ordinal));
    }

    /// <summary>No area's cookie may count in another: nothing authenticates a request unless a policy names its scheme.</summary>
    [Fact]
    public async Task Authentication_HasNoDefaultScheme()
    {
        var schemes = server.Services.GetRequiredService<IAuthenticationSchemeProvider>();

        Assert.Null(await schemes.GetDefaultAuthenticateSchemeAsync());
        Assert.Null(await schemes.GetDefaultChallengeSchemeAsync());
        Assert.Null(await schemes.GetDefaultForbidSchemeAsync());
        Assert.Null(await schemes.GetDefaultSignInSchemeAsync());
        Assert.Equal(["BackOffice", "BackOfficePending", "Partners", "Portal"],
            (await schemes.GetAllSchemesAsync()).Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    private static void AssertSentToStaffSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/back-office/connexion", WebVisitor.RedirectPath(response));
    }
}
