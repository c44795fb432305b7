using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Guichet.Server.Tests.Infrastructure;

/// <summary>
/// What every back-office browser test does: a French desktop context on the server, and at each step a full-page
/// screenshot (<c>artifacts/screenshots</c>, for people to look at) followed by axe, which must find no violation.
/// </summary>
public static class BackOfficeBrowser
{
    public static async Task<IBrowserContext> NewContextAsync(BrowserFixture browser, GuichetServer server, int width = 1280, int height = 900)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            Locale = "fr-FR",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(10_000);
        return context;
    }

    /// <summary>Screenshot <c>{name}.png</c>, then axe on the page as it is.</summary>
    public static async Task ShotAndAxeAsync(IPage page, string name)
    {
        Directory.CreateDirectory(BrowserFixture.ScreenshotFolder);
        await page.ScreenshotAsync(
            new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = true });
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0,
            $"{name}: " + string.Join("; ", axe.Violations.Select(v => $"{v.Id} ({v.Help}): {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
    }
}
