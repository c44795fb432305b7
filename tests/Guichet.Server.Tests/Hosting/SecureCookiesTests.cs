using System.Net;
using System.Text.RegularExpressions;
using Guichet.Server.Areas.BackOffice;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Guichet.Server.Tests.Hosting;

/// <summary>
/// With <c>Portal:SecureCookiesAlways</c> (behind a TLS proxy), every cookie the server sets is <c>__Host-</c> prefixed,
/// Secure, Path=/ and HttpOnly: the sessions of both spaces, antiforgery, TempData (it carries the sign-up address) and the
/// staff's cookies.
/// </summary>
public sealed partial class SecureCookiesTests(SecureCookiesTests.SecureServer server) : IClassFixture<SecureCookiesTests.SecureServer>
{
    [Theory]
    [InlineData("")]
    [InlineData("/partenaire")]
    public async Task SignInJourney_EverySetCookie_IsHostPrefixedSecureHttpOnlyForTheWholeSite(string space)
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        var journey = new HttpsJourney(server);

        var form = await journey.SendAsync(HttpMethod.Get, space + "/connexion");
        var signedIn = await journey.PostFormAsync(space + "/connexion", form, ("Email", person.Email), ("Password", WebVisitor.Password));
        await journey.SendAsync(HttpMethod.Get, space + "/connexion");
        var signOutForm = await journey.SendAsync(HttpMethod.Get, space + "/deconnexion");
        await journey.PostFormAsync(space + "/deconnexion", signOutForm);
        await journey.SendAsync(HttpMethod.Get, space + "/connexion");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        // Session, antiforgery and TempData ("Vous êtes déconnecté.") cookies, each checked as it was set.
        Assert.Contains(journey.SetCookies, c => c.StartsWith("__Host-guichet." + (space == "" ? "portal" : "partenaire") + "=",
            StringComparison.Ordinal));
        Assert.Contains(journey.SetCookies, c => c.StartsWith("__Host-guichet.antiforgery=", StringComparison.Ordinal));
        Assert.Contains(journey.SetCookies, c => c.StartsWith("__Host-guichet.tempdata=", StringComparison.Ordinal));
        Assert.All(journey.SetCookies, cookie =>
        {
            var attributes = cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
            Assert.StartsWith("__Host-", cookie, StringComparison.Ordinal);
            Assert.Contains("secure", attributes);
            Assert.Contains("httponly", attributes);
            Assert.Contains("path=/", attributes);
            Assert.DoesNotContain(attributes, a => a.StartsWith("domain=", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void StaffCookies_AreHostPrefixedSecureHttpOnlyForTheWholeSite()
    {
        var monitor = server.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>();

        Assert.All([BackOfficeClaims.Scheme, PendingSignIn.Scheme], scheme =>
        {
            var cookie = monitor.Get(scheme).Cookie;
            Assert.StartsWith("__Host-guichet.back-office", cookie.Name, StringComparison.Ordinal);
            Assert.Equal(CookieSecurePolicy.Always, cookie.SecurePolicy);
            Assert.True(cookie.HttpOnly);
            Assert.Equal("/", cookie.Path);
            Assert.Null(cookie.Domain);
        });
    }

    /// <summary>
    /// A browser over HTTPS through the proxy: the test server speaks plain HTTP, where a cookie jar would keep Secure
    /// cookies to itself, so this journey keeps its cookies and records every Set-Cookie.
    /// </summary>
    private sealed class HttpsJourney(GuichetServer server)
    {
        private readonly Dictionary<string, string> _jar = [];

        public List<string> SetCookies { get; } = [];

        public async Task<string> SendAsync(HttpMethod method, string path, HttpContent? content = null)
        {
            using var response = await SendRawAsync(method, path, content);
            return await response.Content.ReadAsStringAsync();
        }

        public async Task<HttpResponseMessage> PostFormAsync(string path, string formPage, params (string Name, string Value)[] fields)
        {
            var token = AntiforgeryToken().Match(formPage).Groups[1].Value;
            Assert.False(string.IsNullOrEmpty(token), $"No antiforgery token before {path}.");
            using var form = new FormUrlEncodedContent(
                [.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value)), KeyValuePair.Create("__RequestVerificationToken", token)]);
            return await SendRawAsync(HttpMethod.Post, path, form);
        }

        private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, HttpContent? content)
        {
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
            {
                BaseAddress = server.BaseAddress,
            };
            using var request = new HttpRequestMessage(method, path) { Content = content };
            request.Headers.Add("X-Forwarded-Proto", "https");
            if (_jar.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _jar.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await client.SendAsync(request);
            foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                SetCookies.Add(cookie);
                var pair = cookie.Split(';')[0].Split('=', 2);
                if (pair[1].Length == 0)
                {
                    _jar.Remove(pair[0]);
                }
                else
                {
                    _jar[pair[0]] = pair[1];
                }
            }

            return response;
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    public sealed class SecureServer() : GuichetServer(DatabaseProvider.Sqlite)
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
            [new("ReverseProxy:KnownProxies:0", "127.0.0.1"), new("Portal:SecureCookiesAlways", "true")];
    }
}
