using Guichet.Server.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace Guichet.Server.Tests.Browser;

/// <summary>
/// The checks every browser test makes at each step (<see cref="PageChecks"/>) refuse what they are there to refuse:
/// pages served by the browser itself (no server), each with one fault or none.
/// </summary>
public sealed class PageChecksTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Site = "http://pagechecks.test";

    private const int DesktopWidth = 1024;

    private IBrowserContext? _context;

    public async Task InitializeAsync() => _context = await browser.Browser.NewContextAsync(
        new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = DesktopWidth, Height = 768 } });

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
    }

    [Fact]
    public async Task PageWithoutFault_Passes_AndIsShotAtBothSizes()
    {
        var page = await OpenAsync(("/", Page("<h1>Accueil</h1><p>Bienvenue.</p>")));

        await PageChecks.ShotAndCheckAsync(page, "pagechecks-sans-defaut");

        Assert.True(File.Exists(Path.Combine(BrowserFixture.ScreenshotFolder, "pagechecks-sans-defaut.png")));
        Assert.True(File.Exists(Path.Combine(BrowserFixture.ScreenshotFolder, $"pagechecks-sans-defaut-{PageChecks.PhoneWidth}.png")));
        Assert.Equal(DesktopWidth, page.ViewportSize?.Width);
    }

    [Fact]
    public async Task ImageWithoutText_IsAnAxeViolation()
    {
        var page = await OpenAsync(("/", Page("""<h1>Accueil</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">""")));

        var failure = await Assert.ThrowsAsync<TrueException>(() => PageChecks.ShotAndCheckAsync(page, "pagechecks-image"));

        Assert.Contains("image-alt", failure.Message);
    }

    [Fact]
    public async Task PageWiderThanAPhone_ScrollsSideways_AndFails()
    {
        var page = await OpenAsync(("/", Page("""<h1>Accueil</h1><p style="width: 600px">Un paragraphe trop large.</p>""")));

        var failure = await Assert.ThrowsAsync<TrueException>(() => PageChecks.ShotAndCheckAsync(page, "pagechecks-large"));

        Assert.Contains("scrolls sideways", failure.Message);
        Assert.Equal(DesktopWidth, page.ViewportSize?.Width);
    }

    [Fact]
    public async Task TimedRedirectWithoutItsLink_Fails()
    {
        var page = await OpenAsync(
            ("/", Page("<h1>Patientez</h1><p>Vous allez être redirigé.</p>", """<meta http-equiv="refresh" content="60;url=/suite">""")),
            ("/suite", Page("<h1>Suite</h1>")));

        var failure = await Assert.ThrowsAsync<TrueException>(() => PageChecks.ShotAndCheckAsync(page, "pagechecks-sans-lien"));

        Assert.Contains("without a link", failure.Message);
    }

    [Fact]
    public async Task TimedRedirectOfferingItsLink_Passes_AndGoesOn()
    {
        var page = await OpenAsync(
            ("/", Page("""<h1>Patientez</h1><p><a href="/suite">Continuer</a></p>""", """<meta http-equiv="refresh" content="60;url=/suite">""")),
            ("/suite", Page("<h1>Suite</h1>")));

        await PageChecks.ShotAndCheckAsync(page, "pagechecks-avec-lien");

        Assert.Equal(Site + "/suite", page.Url);
    }

    private static string Page(string main, string head = "") => $"""
        <!doctype html>
        <html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Essai</title>{head}</head><body><main>{main}</main></body></html>
        """;

    /// <summary>The test's site, served by the browser at <see cref="Site"/>, open on its first page at the desktop width.</summary>
    private async Task<IPage> OpenAsync(params (string Path, string Html)[] site)
    {
        var context = _context ?? throw new InvalidOperationException("The context is not open.");
        await context.RouteAsync(Site + "/**", route =>
        {
            var path = new Uri(route.Request.Url).AbsolutePath;
            var html = site.Where(p => p.Path == path).Select(p => p.Html).FirstOrDefault();
            return html is null
                ? route.FulfillAsync(new RouteFulfillOptions { Status = 404 })
                : route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/html; charset=utf-8", Body = html });
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Site + site[0].Path);
        return page;
    }
}
