using System.Net;
using System.Text;
using Guichet.Server.Areas.Portal;
using Guichet.Server.Hosting;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.Soap;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Wire = Guichet.Server.Soap.Contract;

namespace Guichet.Server.Tests.Hosting;

/// <summary>
/// <c>Doors:*</c>: an instance opens only the doors it is told to. A closed door's addresses answer 404 and run none of
/// its code; the open ones work as on an instance with every door; the WS Registering door alone sets up no page at all.
/// </summary>
public sealed class DoorsTests(DoorsTests.SoapOnlyServer soapOnly, DoorsTests.WithoutBackOfficeServer withoutBackOffice,
    DoorsTests.BackOfficeOnlyServer backOfficeOnly)
    : IClassFixture<DoorsTests.SoapOnlyServer>, IClassFixture<DoorsTests.WithoutBackOfficeServer>, IClassFixture<DoorsTests.BackOfficeOnlyServer>
{
    [Fact]
    public async Task SoapDoorAlone_RegistersEnrolsAndReadsAccounts()
    {
        var tenant = await soapOnly.SharedTenantAsync();

        var registered = await tenant.RegisteredPrimaryAsync();

        Assert.Equal(Wire.AccountState.REGISTERED, (await tenant.Admin.GetAccountStateAsync(registered.Login)).State);
    }

    [Fact]
    public async Task SoapDoorAlone_ServesItsWsdlAndHealth_AndSetsUpNoPage()
    {
        using var client = new HttpClient { BaseAddress = soapOnly.BaseAddress };

        using var wsdl = await client.GetAsync(new Uri("/ws/registering?wsdl", UriKind.Relative));
        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, wsdl.StatusCode);
        Assert.Contains("getAccountState", await wsdl.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        // No MVC, hence no Razor Pages: their types are never loaded on this instance.
        Assert.Null(soapOnly.Services.GetService<IActionDescriptorCollectionProvider>());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/connexion")]
    [InlineData("/partenaire/connexion")]
    [InlineData("/back-office/connexion")]
    [InlineData("/back-office/equipe")]
    [InlineData("/erreur")]
    [InlineData("/css/site.css")]
    public async Task SoapDoorAlone_AnswersEveryWebAddressWith404_AndTheSecurityHeaders(string address)
    {
        using var response = await GetAsync(soapOnly, address);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [InlineData("/back-office/connexion")]
    [InlineData("/back-office/equipe")]
    [InlineData("/back-office/nulle-part")]
    public async Task WithoutTheBackOffice_ItsAddressesAreTheFrenchNotFoundPage_NotItsSignIn(string address)
    {
        using var response = await GetAsync(withoutBackOffice, address);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Cette page n&#x27;existe pas", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Instance.WithoutBackOffice, "/connexion", HttpStatusCode.OK)]
    [InlineData(Instance.WithoutBackOffice, "/partenaire/connexion", HttpStatusCode.OK)]
    [InlineData(Instance.WithoutBackOffice, "/ws/registering?wsdl", HttpStatusCode.OK)]
    [InlineData(Instance.BackOfficeOnly, "/", HttpStatusCode.NotFound)]
    [InlineData(Instance.BackOfficeOnly, "/connexion", HttpStatusCode.NotFound)]
    [InlineData(Instance.BackOfficeOnly, "/compte", HttpStatusCode.NotFound)]
    [InlineData(Instance.BackOfficeOnly, "/partenaire/connexion", HttpStatusCode.NotFound)]
    [InlineData(Instance.BackOfficeOnly, "/ws/registering?wsdl", HttpStatusCode.NotFound)]
    public async Task AnAddress_IsServedOnlyWhereItsDoorIsOpen(Instance instance, string address, HttpStatusCode expected)
    {
        using var response = await GetAsync(instance == Instance.BackOfficeOnly ? backOfficeOnly : withoutBackOffice, address);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task BackOfficeAlone_ServesItsSignIn_RefusesASoapCall_AndStillLinksToThePortal()
    {
        using var client = new HttpClient { BaseAddress = backOfficeOnly.BaseAddress };
        var tenant = await backOfficeOnly.SharedTenantAsync();
        var envelope = RawSoap.Envelope(RawSoap.Security(tenant), """<getAccountState xmlns="urn:x"><login>x</login></getAccountState>""");
        using var call = new StringContent(envelope, Encoding.UTF8, "text/xml");
        call.Headers.Add("SOAPAction", RawSoap.Action("getAccountState"));

        using var signIn = await client.GetAsync(new Uri("/back-office/connexion", UriKind.Relative));
        using var soap = await client.PostAsync(new Uri("/ws/registering", UriKind.Relative), call);

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, soap.StatusCode);
        // The staff's emails to companies carry the portal's links, which another instance serves.
        Assert.Equal("/connexion", backOfficeOnly.Services.GetRequiredService<LinkGenerator>().PathOfPage(PortalPages.Area, PortalPages.SignIn));
    }

    [Theory]
    [InlineData(Instance.BackOfficeOnly, "/", "/back-office", "Retour au back office")]
    [InlineData(Instance.BackOfficeOnly, "/partenaire/connexion", "/back-office", "Retour au back office")]
    [InlineData(Instance.WithoutBackOffice, "/back-office/equipe", "/", "Retour à l'accueil")]
    [InlineData(Instance.WithoutBackOffice, "/partenaire/nulle-part", "/partenaire", "Retour à l'accueil")]
    public async Task TheNotFoundPage_LeadsBackThroughADoorThisInstanceOpens(Instance instance, string address, string home, string label)
    {
        using var response = await GetAsync(instance == Instance.BackOfficeOnly ? backOfficeOnly : withoutBackOffice, address);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($"<a class=\"bouton\" href=\"{home}\">{label}</a>", await WebVisitor.TextOfAsync(response), StringComparison.Ordinal);
    }

    public enum Instance
    {
        WithoutBackOffice,
        BackOfficeOnly,
    }

    /// <summary>A GET that shows the answer itself, not where a redirect leads.</summary>
    private static async Task<HttpResponseMessage> GetAsync(GuichetServer server, string address)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        return await client.GetAsync(new Uri(address, UriKind.Relative));
    }

    public sealed class SoapOnlyServer() : GuichetServer(DatabaseProvider.Sqlite)
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
            [new("Doors:Portal", "false"), new("Doors:BackOffice", "false")];
    }

    public sealed class WithoutBackOfficeServer() : GuichetServer(DatabaseProvider.Sqlite)
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Doors:BackOffice", "false")];
    }

    public sealed class BackOfficeOnlyServer() : GuichetServer(DatabaseProvider.Sqlite)
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Doors:Soap", "false"), new("Doors:Portal", "false")];
    }
}
