using Microsoft.Playwright;

namespace Guichet.Server.Tests.Infrastructure;

/// <summary>
/// What every back-office browser test does: a French desktop context on the server, and at each step the screenshots and
/// axe of <see cref="PageChecks"/> (desktop and 360 px wide).
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

    /// <summary>Screenshots and axe at the desktop size and at 360 px (<see cref="PageChecks"/>).</summary>
    public static Task ShotAndAxeAsync(IPage page, string name) => PageChecks.ShotAndCheckAsync(page, name);
}
