using System.Security.Cryptography;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.Staff;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Guichet.Server.Tests.BackOffice;

/// <summary>
/// An administrator in a real Chromium creates a white label, edits it, and rotates its WSSE secret with a grace period,
/// reading the new secret once on the page. A SOAP call with the old secret works during the grace and fails after it
/// (the server's clock advanced); the new secret works. Axe checks every white-label page.
/// </summary>
public sealed class WhiteLabelBrowserTests(SqliteServerFixture server, BrowserFixture browser)
    : IClassFixture<SqliteServerFixture>, IClassFixture<BrowserFixture>
{
    private int _shots;

    [Fact]
    public async Task SecretRotatedWithGrace_OldSecretWorksDuringTheGraceAndFailsAfter_NewOneWorks()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var code = tenant.Credentials.WhiteLabel.Code;
        using var admin = await SignedInStaff.SignInAsync(server, StaffRole.Administrator);
        await using var context = await BackOfficeBrowser.NewContextAsync(browser, server);
        await admin.AddCookiesToAsync(context);
        var page = await context.NewPageAsync();
        var main = page.Locator("main");
        try
        {
            await page.GotoAsync("/back-office/marques-blanches/nouvelle");
            await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Nouvelle marque blanche");
            await ShotAndAxeAsync(page, "nouvelle");

            await page.GotoAsync("/back-office/marques-blanches");
            await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Marques blanches");
            await ShotAndAxeAsync(page, "liste");
            await main.GetByRole(AriaRole.Link, new() { Name = tenant.Credentials.WhiteLabel.Name, Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync($"Marque blanche {tenant.Credentials.WhiteLabel.Name}");
            await ShotAndAxeAsync(page, "page");

            await main.GetByRole(AriaRole.Link, new() { Name = "Modifier les réglages", Exact = true }).ClickAsync();
            await main.GetByLabel("Présentation de « Nom du compte »").SelectOptionAsync("hidden");
            await ShotAndAxeAsync(page, "modifier");
            await main.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true }).ClickAsync();
            await Assertions.Expect(main.Locator("p.message")).ToHaveTextAsync("Réglages enregistrés.");

            await main.GetByLabel("Période de grâce (heures, 0 : aucune)").FillAsync("24");
            await main.GetByRole(AriaRole.Button, new() { Name = "Renouveler le secret WSSE", Exact = true }).ClickAsync();
            var newSecret = await main.Locator("#secret-wsse").InnerTextAsync();
            await Assertions.Expect(main).ToContainTextAsync("L'ancien reste accepté jusqu'au");
            await ShotAndAxeAsync(page, "secret-renouvele");
            await page.GotoAsync($"/back-office/marques-blanches/{code}");
            Assert.DoesNotContain(newSecret, await page.ContentAsync(), StringComparison.Ordinal);

            var during = await WithOldSecret(tenant).GetAccountStateAsync(primary.Login);
            server.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
            var after = await Faults.CatchAsync(() => WithOldSecret(tenant).GetAccountStateAsync(primary.Login));
            var withNew = await RegisteringClient.Create(server.RegisteringEndpoint, Now(tenant.Credentials.WsseUsername, newSecret)
                .As(tenant.AdminLogin, tenant.AdminPassword)).GetAccountStateAsync(primary.Login);

            Assert.Equal(primary.Login, during.Login);
            Assert.Equal(ErrorCodes.WhiteLabelAuthenticationFailed, after.Code);
            Assert.Equal(primary.Login, withNew.Login);
            var whiteLabelId = tenant.Credentials.WhiteLabel.Id;
            var used = await server.InDbAsync(db => db.AuditEntries
                .Where(a => a.WhiteLabelId == whiteLabelId && a.Event == AuditEvents.WhiteLabelPreviousSecretUsed).ToListAsync());
            var entry = Assert.Single(used); // the call during the grace, and only it
            Assert.Equal((tenant.Credentials.WsseUsername, "127.0.0.1", "wsse"), (entry.Actor, entry.RemoteAddress, entry.Detail));
        }
        finally
        {
            server.Clock.Reset();
        }
    }

    /// <summary>The administrator with the white label's old secret, its token dated on the server's clock.</summary>
    private Guichet.Server.Soap.Contract.IRegisteringService WithOldSecret(Tenant tenant) => RegisteringClient.Create(
        server.RegisteringEndpoint, Now(tenant.Credentials.WsseUsername, tenant.Credentials.WsseSecret).As(tenant.AdminLogin, tenant.AdminPassword));

    private SoapIdentity Now(string username, string secret) => new(username, secret)
    {
        TokenOverride = () => (RandomNumberGenerator.GetBytes(16), RegisteringClient.Created(server.Clock.GetUtcNow())),
    };

    private Task ShotAndAxeAsync(IPage page, string step) =>
        BackOfficeBrowser.ShotAndAxeAsync(page, $"back-office-marques-blanches-{++_shots:00}-{step}");
}
