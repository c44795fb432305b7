using System.Net;
using System.Text.RegularExpressions;
using Guichet.Server.Areas.BackOffice;
using Guichet.Server.Tests.BackOffice;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.Partners;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Server.Tests.Hosting;

/// <summary>
/// Every page the server has, found by itself (so a page added later is checked too): a page needs its area's policy
/// unless it is in the short list of open pages below, and no area's session opens another area's pages.
/// </summary>
public sealed partial class PageAuthorizationTests(StaffSessionServer server) : IClassFixture<StaffSessionServer>
{
    /// <summary>Pages anyone may open. Adding one here is a decision: say why in its page.</summary>
    private static readonly string[] s_open =
    [
        "/erreur",
        "/connexion", "/inscription", "/inscription/email-envoye", "/compte/valider", "/mot-de-passe-oublie", "/compte/nouveau-mot-de-passe",
        "/back-office/connexion",
        "/partenaire/connexion", "/partenaire/inscription", "/partenaire/inscription/email-envoye", "/partenaire/compte/valider",
        "/partenaire/mot-de-passe-oublie", "/partenaire/compte/nouveau-mot-de-passe",
    ];

    private static readonly Dictionary<string, string> s_signIn = new()
    {
        ["Portal"] = "/connexion",
        ["BackOffice"] = "/back-office/connexion",
        ["Partners"] = "/partenaire/connexion",
    };

    [Fact]
    public async Task Anonymous_EveryPageOutsideTheOpenList_IsSentToItsAreasSignIn()
    {
        using var visitor = new WebVisitor(server);
        var pages = Pages();

        foreach (var (path, area) in pages)
        {
            using var response = await visitor.GetAsync(path);
            if (s_open.Contains(path))
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            }
            else
            {
                Assert.True(area is not null, $"{path} is outside every area and not open.");
                Assert.True(WebVisitor.RedirectPath(response) == s_signIn[area!], $"{path}: {response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.Superset(s_open.ToHashSet(), pages.Select(p => p.Path).ToHashSet());
    }

    [Fact]
    public async Task SignedInPortalPerson_OnEveryBackOfficePage_IsSentToTheStaffSignIn()
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        using var visitor = new WebVisitor(server);
        await visitor.SignInToPortalAsync(person.Email);

        foreach (var (path, _) in Pages().Where(p => p.Area == "BackOffice" && !s_open.Contains(p.Path)))
        {
            using var response = await visitor.GetAsync(path);
            Assert.True(WebVisitor.RedirectPath(response) == "/back-office/connexion", $"{path}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task SignedInPortalPerson_OnEveryPartenairePage_IsSentToThePartenaireSignIn()
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        using var visitor = new WebVisitor(server);
        // The Entreprise cookie's path is "/": the browser sends it to /partenaire too, where it counts for nothing.
        await visitor.SignInToPortalAsync(person.Email);

        foreach (var (path, _) in Pages().Where(p => p.Area == "Partners" && !s_open.Contains(p.Path)))
        {
            using var response = await visitor.GetAsync(path);
            Assert.True(WebVisitor.RedirectPath(response) == "/partenaire/connexion", $"{path}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task PartenaireCookie_OnEveryEntrepriseOrBackOfficePage_CountsForNothing()
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        using var visitor = new WebVisitor(server);
        await visitor.SignInToPartnersAsync(person.Email);
        // Accepted by the Partenaire space; then forced onto every path: a browser would not even send it outside /partenaire.
        using var accepted = await visitor.GetAsync("/partenaire");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var cookie = visitor.Cookies.GetAllCookies().Single(c => c.Name == "guichet.partenaire");
        visitor.SetCookie(cookie.Name, cookie.Value, "/");

        foreach (var (path, area) in Pages().Where(p => p.Area is "Portal" or "BackOffice" && !s_open.Contains(p.Path)))
        {
            using var response = await visitor.GetAsync(path);
            Assert.True(WebVisitor.RedirectPath(response) == s_signIn[area!], $"{path}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task StaffCookie_OnEveryPortalPage_CountsForNothing()
    {
        var staff = server.Sessions.Open(BackOfficeClaims.AdministratorRole, server.Clock.GetUtcNow());
        using var visitor = new WebVisitor(server);
        // Forced onto every path: a browser would not even send it outside /back-office.
        visitor.SetCookie("guichet.back-office", WebVisitor.MintStaffCookie(server, staff), "/");
        // Accepted by the back office: its access-denied page answers it (403) instead of sending it to the sign-in.
        using var accepted = await visitor.GetAsync("/back-office/acces-refuse");
        Assert.Equal(HttpStatusCode.Forbidden, accepted.StatusCode);

        foreach (var (path, area) in Pages().Where(p => p.Area is "Portal" or "Partners" && !s_open.Contains(p.Path)))
        {
            using var response = await visitor.GetAsync(path);
            Assert.True(WebVisitor.RedirectPath(response) == s_signIn[area!], $"{path}: {response.StatusCode}");
        }
    }

    /// <summary>Each page's address (route parameters filled with a new identifier) and area.</summary>
    private List<(string Path, string? Area)> Pages() =>
        server.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<PageActionDescriptor>()
            .Select(page => ("/" + RouteParameter().Replace(page.AttributeRouteInfo!.Template!, Guid.NewGuid().ToString()), page.AreaName))
            .Distinct()
            .ToList();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
