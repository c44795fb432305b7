using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.Soap;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.Operations;

/// <summary>
/// X-Forwarded-For is believed from the configured proxies only: nobody else chooses the address that is audited or the
/// budget it spends; behind the proxy each client has its own budget (an IPv6 client per /64 network).
/// </summary>
public sealed class ReverseProxyTests
{
    private const string ClientAddress = "203.0.113.7";

    [Fact]
    public async Task ForwardedAddress_FromAKnownProxy_IsTheAuditedAddress()
    {
        using var server = new BehindProxyServer();

        Assert.Equal(ClientAddress, await AuditedAddressOfAFailedCallAsync(server));
    }

    [Fact]
    public async Task ForwardedAddress_WithoutAConfiguredProxy_IsIgnored()
    {
        using var server = new GuichetServer(DatabaseProvider.Sqlite);

        Assert.Equal("127.0.0.1", await AuditedAddressOfAFailedCallAsync(server));
    }

    [Fact]
    public async Task ClientsBehindOneProxy_HaveABudgetEach_AndIPv6CountsPer64()
    {
        using var server = new BehindProxyServer(postsPerMinute: 3);

        var first = await AnonymousPostsAsync(server, "203.0.113.7", "203.0.113.7", "203.0.113.7", "203.0.113.7");
        var second = await AnonymousPostsAsync(server, "203.0.113.8");
        var sameNetwork = await AnonymousPostsAsync(server, "2001:db8:1:2::1", "2001:db8:1:2::2", "2001:db8:1:2:ffff::3", "2001:db8:1:2::4");
        var otherNetwork = await AnonymousPostsAsync(server, "2001:db8:1:3::1");

        // Posts without an antiforgery token are refused (400) but spend the budget.
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], first);
        Assert.Equal([HttpStatusCode.BadRequest], second);
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], sameNetwork);
        Assert.Equal([HttpStatusCode.BadRequest], otherNetwork);
    }

    [Fact]
    public async Task ForgedForwardedFor_FromANonProxy_DoesNotBuyANewBudget()
    {
        using var server = new LowBudgetServer();

        var statuses = await AnonymousPostsAsync(server, "203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4");

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task SoapFailedAuthenticationBudget_IsPerClientBehindTheProxy()
    {
        using var server = new BehindProxyServer(failuresPerMinute: 2);

        var first = await SoapFailureCodesAsync(server, "203.0.113.7", "203.0.113.7", "203.0.113.7");
        var second = await SoapFailureCodesAsync(server, "203.0.113.8");

        Assert.Equal([ErrorCodes.WhiteLabelAuthenticationFailed, ErrorCodes.WhiteLabelAuthenticationFailed, ErrorCodes.TooManyFailedAuthentications],
            first);
        Assert.Equal([ErrorCodes.WhiteLabelAuthenticationFailed], second);
    }

    [Fact]
    public async Task PortalSignInAndSignUp_AuditTheForwardedAddress()
    {
        using var server = new BehindProxyServer();
        var person = await WebVisitor.CreatePersonAsync(server);
        var newcomer = $"n-{Guid.NewGuid():N}@exemple.fr";
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() })
        {
            BaseAddress = server.BaseAddress,
        };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", ClientAddress);

        using var signedUp = await SubmitAsync(client, "/inscription", ("Form.Email", newcomer), ("Form.EmailConfirmation", newcomer),
            ("Form.Password", WebVisitor.Password), ("Form.PasswordConfirmation", WebVisitor.Password), ("Form.FirstName", "Nina"),
            ("Form.LastName", "Nouvelle"));
        using var signedIn = await SubmitAsync(client, "/connexion", ("Email", person.Email), ("Password", WebVisitor.Password));
        // Last: a failure brakes the next sign-in of that address.
        using var wrong = await SubmitAsync(client, "/connexion", ("Email", person.Email), ("Password", "Mauvais-pass1"));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var audited = await server.InDbAsync(db => db.AuditEntries
            .Where(e => e.Subject == person.Email || e.Subject == newcomer)
            .Select(e => new { e.Event, e.RemoteAddress }).ToListAsync());
        Assert.Equal(ClientAddress, Assert.Single(audited, e => e.Event == AuditEvents.UserAuthenticationFailed).RemoteAddress);
        Assert.Equal(ClientAddress, Assert.Single(audited, e => e.Event == AuditEvents.PersonSignedIn).RemoteAddress);
        Assert.Equal(ClientAddress, Assert.Single(audited, e => e.Event == AuditEvents.PersonSignedUp).RemoteAddress);
    }

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string page, params (string Name, string Value)[] fields)
    {
        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent(
            [.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value)), KeyValuePair.Create("__RequestVerificationToken", token)]);
        return await client.PostAsync(new Uri(page, UriKind.Relative), form);
    }

    private static async Task<List<HttpStatusCode>> AnonymousPostsAsync(GuichetServer server, params string[] clients)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var statuses = new List<HttpStatusCode>();
        foreach (var client in clients)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/mot-de-passe-oublie")
            {
                Content = new FormUrlEncodedContent([new("Email", "x@exemple.fr")]),
            };
            request.Headers.Add("X-Forwarded-For", client);
            using var response = await http.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    private static async Task<List<string?>> SoapFailureCodesAsync(GuichetServer server, params string[] clients)
    {
        var codes = new List<string?>();
        foreach (var client in clients)
        {
            var xml = RawSoap.Envelope(RawSoap.Security("budget" + Guid.NewGuid().ToString("N")[..8], "wrong secret"), RawSoap.GetAccountState("x"));
            var response = await RawSoap.SendAsync(server.RegisteringEndpoint, new StringContent(xml, Encoding.UTF8, "text/xml"),
                headers: [("X-Forwarded-For", client)]);
            codes.Add(response.Code);
        }

        return codes;
    }

    private static async Task<string?> AuditedAddressOfAFailedCallAsync(GuichetServer server)
    {
        var username = "proxy" + Guid.NewGuid().ToString("N")[..8];
        var xml = RawSoap.Envelope(RawSoap.Security(username, "wrong secret"), RawSoap.GetAccountState("x"));

        var response = await RawSoap.SendAsync(server.RegisteringEndpoint, new StringContent(xml, Encoding.UTF8, "text/xml"),
            headers: [("X-Forwarded-For", ClientAddress)]);

        Assert.NotNull(response.Code);
        return await server.InDbAsync(db => db.AuditEntries
            .Where(e => e.Event == AuditEvents.WhiteLabelAuthenticationFailed && e.Actor == username)
            .Select(e => e.RemoteAddress).SingleAsync());
    }

    private sealed class BehindProxyServer(int postsPerMinute = 100_000, int failuresPerMinute = 100_000) : GuichetServer(DatabaseProvider.Sqlite)
    {
        // An initializer runs before the base constructor, which starts the server and reads Settings.
        private readonly (int Posts, int Failures) _budgets = (postsPerMinute, failuresPerMinute);

        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [
            new("ReverseProxy:KnownProxies:0", "127.0.0.1"),
            new("Portal:AnonymousFormPostsPerMinute", _budgets.Posts.ToString(CultureInfo.InvariantCulture)),
            new("Security:FailedWhiteLabelAuthenticationsPerAddressPerMinute", _budgets.Failures.ToString(CultureInfo.InvariantCulture)),
        ];
    }

    private sealed class LowBudgetServer() : GuichetServer(DatabaseProvider.Sqlite)
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Portal:AnonymousFormPostsPerMinute", "3")];
    }
}
