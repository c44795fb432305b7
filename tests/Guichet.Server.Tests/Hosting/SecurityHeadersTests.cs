using System.Net;
using System.Text;
using Guichet.Server.Hosting;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.Soap;

namespace Guichet.Server.Tests.Hosting;

/// <summary>
/// Every door's responses carry the security headers: pages of each space, signed in or not, the 404 and error pages,
/// static files, the WSDL and a SOAP fault. HSTS only when the request came over HTTPS (here, as a configured proxy says).
/// </summary>
public sealed class SecurityHeadersTests(SecurityHeadersTests.BehindProxyServer server) : IClassFixture<SecurityHeadersTests.BehindProxyServer>
{
    public static TheoryData<string> Addresses =>
    [
        "/connexion", "/inscription", "/partenaire/connexion", "/back-office/connexion", "/outils", "/partenaire",
        "/nulle-part", "/erreur", "/css/site.css", "/ws/registering?wsdl", "soap-fault",
    ];

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task EveryResponse_CarriesTheSecurityHeaders_WithoutHstsOverHttp(string address)
    {
        using var response = await SignedInRequestAsync(address, https: false);

        AssertSecurityHeaders(response);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), address);
    }

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task EveryResponse_OverHttpsThroughTheProxy_AlsoCarriesHsts(string address)
    {
        using var response = await SignedInRequestAsync(address, https: true);

        AssertSecurityHeaders(response);
        Assert.Equal(SecurityHeaders.StrictTransportSecurity, Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task ForwardedProto_FromANonProxy_GivesNoHsts()
    {
        using var plain = new GuichetServer(DatabaseProvider.Sqlite);
        using var client = new HttpClient { BaseAddress = plain.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        using var response = await client.GetAsync(new Uri("/connexion", UriKind.Relative));

        AssertSecurityHeaders(response);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var address = response.RequestMessage!.RequestUri!.PathAndQuery;
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, csp);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var nosniff), address);
        Assert.Equal("nosniff", Assert.Single(nosniff));
        Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer), address);
        Assert.Equal("same-origin", Assert.Single(referrer));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    /// <summary>As a person signed in to both spaces: the anonymous pages answer them too.</summary>
    private async Task<HttpResponseMessage> SignedInRequestAsync(string address, bool https)
    {
        using var visitor = new WebVisitor(server);
        var person = await WebVisitor.CreatePersonAsync(server);
        await visitor.SignInToPortalAsync(person.Email);
        using var request = address == "soap-fault"
            ? new HttpRequestMessage(HttpMethod.Post, "/ws/registering")
            {
                Content = new StringContent(RawSoap.Envelope(RawSoap.Security("inconnu", "faux"), RawSoap.GetAccountState("x")),
                    Encoding.UTF8, "text/xml"),
            }
            : new HttpRequestMessage(HttpMethod.Get, address);
        if (address == "soap-fault")
        {
            request.Headers.Add("SOAPAction", $"\"{RawSoap.Action("getAccountState")}\"");
        }

        if (https)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
        }

        var cookies = visitor.Cookies.GetCookieHeader(server.BaseAddress);
        request.Headers.Add("Cookie", cookies);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = server.BaseAddress,
        };
        var response = await client.SendAsync(request);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.InternalServerError
            or HttpStatusCode.Redirect, $"{address}: {response.StatusCode}");
        return response;
    }

    public sealed class BehindProxyServer() : GuichetServer(DatabaseProvider.Sqlite)
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("ReverseProxy:KnownProxies:0", "127.0.0.1")];
    }
}
