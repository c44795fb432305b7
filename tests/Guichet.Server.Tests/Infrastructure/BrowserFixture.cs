using Microsoft.Playwright;

namespace Guichet.Server.Tests.Infrastructure;

/// <summary>
/// One Playwright driver and one headless Chromium for a test class; each person gets a new context (own cookies).
/// Debian's <c>/usr/bin/chromium</c> is used: Playwright's own browser download is never needed (scripts/test.sh
/// installs the package when missing).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    /// <summary><c>artifacts/screenshots</c> at the repository's root (the folder holding Guichet.slnx).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(Repository.Root, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} not found: install Debian's chromium package (scripts/test.sh does).");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
