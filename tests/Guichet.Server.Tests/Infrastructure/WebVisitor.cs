using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Guichet.Application.Security;
using Guichet.Domain.People;
using Guichet.Server.Areas.BackOffice;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Guichet.Server.Tests.Infrastructure;

/// <summary>
/// A visitor over plain HTTP with its own cookie jar, that does not follow redirects: each test sees what one address
/// answers. Cookies follow the browser's rules (a cookie of path <c>/back-office</c> is sent there only).
/// </summary>
public sealed partial class WebVisitor : IDisposable
{
    public const string Password = "Motdepasse1!";

    private readonly GuichetServer _server;
    private readonly HttpClient _client;

    public WebVisitor(GuichetServer server)
    {
        _server = server;
        _client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false })
        {
            BaseAddress = server.BaseAddress,
        };
    }

    public CookieContainer Cookies { get; } = new();

    public Task<HttpResponseMessage> GetAsync(string path) => _client.GetAsync(new Uri(path, UriKind.Relative));

    /// <summary>A raw post, without a form's antiforgery token (see <see cref="SubmitAsync"/> for a form's).</summary>
    public Task<HttpResponseMessage> PostAsync(string path, HttpContent content) => _client.PostAsync(new Uri(path, UriKind.Relative), content);

    /// <summary>Posts <paramref name="fields"/> to the first form of <paramref name="formPage"/>, with the form's antiforgery token.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string formPage, string action, params (string Name, string Value)[] fields)
    {
        using var page = await GetAsync(formPage);
        return await SubmitFromAsync(await page.Content.ReadAsStringAsync(), action, fields);
    }

    /// <summary>
    /// Posts <paramref name="fields"/> with the antiforgery token of a page already read (<paramref name="html"/>), when
    /// reading it again would change it (e.g. a new authenticator secret at each visit).
    /// </summary>
    public async Task<HttpResponseMessage> SubmitFromAsync(string html, string action, params (string Name, string Value)[] fields)
    {
        var token = AntiforgeryToken().Match(html).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"No antiforgery token on the page posting to {action}.");
        using var form = new FormUrlEncodedContent(
            [.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value)), KeyValuePair.Create("__RequestVerificationToken", token)]);
        return await _client.PostAsync(new Uri(action, UriKind.Relative), form);
    }

    /// <summary>Posts a file (multipart, as a browser's file input does) with the antiforgery token of <paramref name="formPage"/>.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string formPage, string action, string field, string fileName, byte[] content)
    {
        using var page = await GetAsync(formPage);
        var token = AntiforgeryToken().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"No antiforgery token on {formPage}.");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, field, fileName);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await _client.PostAsync(new Uri(action, UriKind.Relative), form);
    }

    /// <summary>Signs in on the portal's form, as a person does.</summary>
    public async Task SignInToPortalAsync(string email, string password = Password)
    {
        using var response = await SubmitAsync("/connexion", "/connexion", ("Email", email), ("Password", password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(Cookies.GetAllCookies(), c => c.Name == "guichet.portal");
    }

    /// <summary>Puts a cookie in the jar as if the server had set it, on the path a test chooses.</summary>
    public void SetCookie(string name, string value, string path) =>
        Cookies.Add(_server.BaseAddress, new Cookie(name, value, path));

    /// <summary>Where a redirect leads, without its query.</summary>
    public static string? RedirectPath(HttpResponseMessage response) =>
        response.Headers.Location is { } location ? new Uri(new Uri("http://ici.invalid"), location).AbsolutePath : null;

    /// <summary>The same text a browser shows: Razor encodes accented letters as entities.</summary>
    public static async Task<string> TextOfAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>A confirmed person with <see cref="Password"/>, written straight to the store.</summary>
    public static Task<Person> CreatePersonAsync(GuichetServer server) => server.InScopeAsync(async services =>
    {
        var now = server.Clock.GetUtcNow();
        var person = new Person
        {
            Email = $"p-{Guid.NewGuid():N}@exemple.fr",
            FirstName = "Paule",
            LastName = "Portail",
            PasswordHash = await services.GetRequiredService<PasswordHashing>().HashAsync(Password, CancellationToken.None),
            PasswordChangedAt = now,
            CreatedAt = now,
            EmailConfirmedAt = now,
        };
        var db = services.GetRequiredService<Data.GuichetDbContext>();
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person;
    });

    /// <summary>
    /// The value of a back-office cookie for <paramref name="staff"/>, sealed by the server's own ticket format, as the
    /// staff sign-in will issue it (idle expiry from now).
    /// </summary>
    public static string MintStaffCookie(GuichetServer server, ClaimsPrincipal staff)
    {
        var options = server.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(BackOfficeClaims.Scheme);
        var now = server.Clock.GetUtcNow();
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + options.ExpireTimeSpan };
        return options.TicketDataFormat.Protect(new AuthenticationTicket(staff, properties, BackOfficeClaims.Scheme));
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
