using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Guichet.Server.Tests.Infrastructure;

/// <summary>
/// What every browser test does at each step, for people to look at and for axe to judge: a full-page screenshot at the
/// test's desktop size (<c>artifacts/screenshots/{name}.png</c>) and axe on it; then the same page 360 px wide (a small
/// phone): its screenshot (<c>{name}-360.png</c>), axe again, and no sideways scrolling; then the desktop size back.
/// Axe must find no violation at all (stricter than "no serious or critical one"), a timed redirect that offers its
/// link at once excepted.
/// </summary>
public static class PageChecks
{
    public const int PhoneWidth = 360;

    private const int PhoneHeight = 740;

    public static async Task ShotAndCheckAsync(IPage page, string name)
    {
        Directory.CreateDirectory(BrowserFixture.ScreenshotFolder);
        var refresh = await TimedRedirectAsync(page, name);
        if (refresh is not null)
        {
            // The page stays while it is checked (window.stop() cancels its timed redirect), then goes where it would have.
            await page.EvaluateAsync("() => window.stop()");
        }

        await CheckAsync(page, name, refresh is not null);
        if (refresh is not null)
        {
            await page.GotoAsync(refresh);
        }
    }

    private static async Task CheckAsync(IPage page, string name, bool timedRedirect)
    {
        await ShotAsync(page, name);
        await AxeAsync(page, name, timedRedirect);

        var desktop = page.ViewportSize ?? throw new InvalidOperationException("The page has no viewport.");
        await page.SetViewportSizeAsync(PhoneWidth, PhoneHeight);
        try
        {
            var phone = $"{name}-{PhoneWidth}";
            await ShotAsync(page, phone);
            await AxeAsync(page, phone, timedRedirect);
            await ExpectNoSidewaysScrollAsync(page, phone);
        }
        finally
        {
            await page.SetViewportSizeAsync(desktop.Width, desktop.Height);
        }
    }

    /// <summary>Nothing on the page, at its viewport's present width, makes it scroll sideways.</summary>
    public static async Task ExpectNoSidewaysScrollAsync(IPage page, string name)
    {
        var viewport = await page.EvaluateAsync<int>("() => document.documentElement.clientWidth");
        var width = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        Assert.True(width <= viewport, $"{name}: the page scrolls sideways ({width} px wide for {viewport}, {await WidestAsync(page)}).");
    }

    // Chromium now and then refuses a capture ("Unable to capture screenshot": once in a CI run of an unchanged tree, its
    // cause not found): the screenshot is for people to look at, so one more try after a pause.
    private static async Task ShotAsync(IPage page, string name)
    {
        var options = new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = true };
        try
        {
            await page.ScreenshotAsync(options);
        }
        catch (PlaywrightException refused) when (refused.Message.Contains("Unable to capture screenshot", StringComparison.Ordinal))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            await page.ScreenshotAsync(options);
        }
    }

    /// <summary>
    /// A timed redirect (<c>meta refresh</c>, which axe reports as critical) is accepted on one condition, the one the
    /// issue sets: the page offers its target as a link, to follow at once. Returns the target's absolute address.
    /// </summary>
    private static async Task<string?> TimedRedirectAsync(IPage page, string name)
    {
        var content = await page.EvaluateAsync<string?>("() => document.querySelector('meta[http-equiv=refresh]')?.content ?? null");
        if (content is null)
        {
            return null;
        }

        var target = new Uri(new Uri(page.Url), content[(content.IndexOf("url=", StringComparison.OrdinalIgnoreCase) + 4)..]).ToString();
        var links = await page.Locator("main a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
        Assert.True(links.Contains(target), $"{name}: the page redirects to {target} after a delay without a link to it.");
        return target;
    }

    // Axe runs in the page itself (the library's legacy mode) and details only the violations, the one result asserted on.
    // Its default mode exists for cross-origin frames, which no page of ours has, and finishes each run in a new browser
    // context: 1.4–1.7 s a run against 0.25–0.35 s here, most of the browser tests' time.
    private static readonly AxeRunOptions ViolationsOnly = new() { ResultTypes = [ResultType.Violations] };

    private static async Task AxeAsync(IPage page, string name, bool timedRedirect)
    {
#pragma warning disable CS0618 // Obsolete: "Legacy Mode is being removed in the future"; the version is pinned.
        var axe = await page.RunAxeLegacy(options: ViolationsOnly);
#pragma warning restore CS0618
        var violations = axe.Violations.Where(v => !(timedRedirect && v.Id == "meta-refresh")).ToList();
        Assert.True(violations.Count == 0,
            $"{name}: " + string.Join("; ", violations.Select(v =>
                $"{v.Id} [{v.Impact}] ({v.Help}): {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
    }

    // The elements that stick out on the right, to say which one makes the page scroll.
    private static Task<string> WidestAsync(IPage page) => page.EvaluateAsync<string>("""
        () => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth)
            .slice(0, 5).map(e => e.outerHTML.slice(0, 120)).join(' | ')
        """);
}
