using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Guichet.Server.Tests.Browser;

/// <summary>
/// One person in their own browser context (own cookies), driving the portal's real forms by their French labels and
/// buttons, antiforgery token included. Every <see cref="ShotAsync"/> saves full-page screenshots under
/// <c>artifacts/screenshots/&lt;test&gt;-&lt;person&gt;-&lt;n&gt;-&lt;step&gt;.png</c> (and <c>…-360.png</c>) and runs axe on both.
/// </summary>
public sealed class PortalVisitor : IAsyncDisposable
{
    private readonly string _test;
    private int _shots;

    private PortalVisitor(IBrowserContext context, IPage page, string test)
    {
        Context = context;
        Page = page;
        _test = test;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>The page's content, without the header (whose menu repeats some button texts).</summary>
    public ILocator Main => Page.Locator("main");

    public static async Task<PortalVisitor> OpenAsync(BrowserFixture browser, PortalServer server, string who, [CallerMemberName] string test = "")
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            Locale = "fr-FR",
            ViewportSize = new ViewportSize { Width = 1024, Height = 768 },
        });
        context.SetDefaultTimeout(10_000);
        var page = await context.NewPageAsync();
        return new PortalVisitor(context, page, $"{test}-{who}");
    }

    public async Task<IResponse?> GotoAsync(string pathOrUrl) => await Page.GotoAsync(pathOrUrl);

    /// <summary>Screenshots and axe at 1024 px and at 360 px, and no sideways scrolling on a phone (<see cref="PageChecks"/>).</summary>
    public Task ShotAsync(string step) => PageChecks.ShotAndCheckAsync(Page, $"{_test}-{++_shots:00}-{step}");

    public Task ExpectTitleAsync(string heading) =>
        Assertions.Expect(Page.Locator("main h1")).ToHaveTextAsync(heading);

    public Task ExpectTextAsync(string text) => Assertions.Expect(Main).ToContainTextAsync(text);

    public Task ExpectNoTextAsync(string text) => Assertions.Expect(Main).Not.ToContainTextAsync(text);

    public Task ExpectPathAsync(string path) =>
        Assertions.Expect(Page).ToHaveURLAsync(new Uri(new Uri(Page.Url), path).ToString());

    public ILocator Field(string label) => Main.GetByLabel(label, new LocatorGetByLabelOptions { Exact = true });

    /// <summary>A button by its visible words; a button repeated on rows may add, for screen readers, whose row it is: "(…)".</summary>
    public ILocator Button(string name) => Main.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { NameRegex = ButtonName(name) });

    public Task ClickAsync(string button) => Button(button).ClickAsync();

    /// <summary>"Créer un compte", filled and submitted.</summary>
    public async Task SignUpAsync(string email, string password = PortalServer.Password, string firstName = "Camille", string lastName = "Durand",
        bool contributionsOnly = false)
    {
        await GotoAsync("/inscription");
        await ExpectTitleAsync("Créer un compte");
        await Field("Email").FillAsync(email);
        await Field("Confirmer votre Email").FillAsync(email);
        await Field("Mot de passe").FillAsync(password);
        await Field("Confirmer le mot de passe").FillAsync(password);
        await Field("Prénom").FillAsync(firstName);
        await Field("Nom").FillAsync(lastName);
        await Main.GetByLabel("Je suis expert comptable et/ou je souhaite uniquement déclarer mes contributions formation")
            .SetCheckedAsync(contributionsOnly);
        await ShotAsync("inscription");
        await ClickAsync("Créer le compte");
    }

    /// <summary>Opens a "Valider la création de mon compte" link and clicks its button.</summary>
    public async Task ValidateAsync(string link)
    {
        await GotoAsync(link);
        await ExpectTitleAsync("Valider la création de mon compte");
        await ClickAsync("Valider la création de mon compte");
    }

    /// <summary>The login form (the current page if it is already /connexion, e.g. with a "retour" parameter).</summary>
    public async Task LoginAsync(string email, string password = PortalServer.Password)
    {
        if (!new Uri(Page.Url).AbsolutePath.Equals("/connexion", StringComparison.Ordinal))
        {
            await GotoAsync("/connexion");
        }

        await ExpectTitleAsync("Connexion");
        await Field("Email").FillAsync(email);
        await Field("Mot de passe").FillAsync(password);
        await ClickAsync("Se connecter");
    }

    /// <summary>Signs out with the button of the /deconnexion page.</summary>
    public async Task LogoutAsync()
    {
        await GotoAsync("/deconnexion");
        await ClickAsync("Se déconnecter");
        await ExpectTitleAsync("Connexion");
        await ExpectTextAsync("Vous êtes déconnecté.");
    }

    /// <summary>"Ajouter une entreprise" by SIREN and member code (on the current page when it is the form).</summary>
    public async Task AddCompanyAsync(SeededCompany company)
    {
        if (!new Uri(Page.Url).AbsolutePath.Equals("/entreprises/ajouter", StringComparison.Ordinal))
        {
            await GotoAsync("/entreprises/ajouter");
        }

        await ExpectTitleAsync("Ajouter une entreprise");
        await Field("Siren").FillAsync(company.Siren);
        await Field("Code adhérent").FillAsync(company.MemberCode);
        await ClickAsync("Ajouter cette entreprise");
    }

    /// <summary>A button of a person's row on "Gérer les utilisateurs".</summary>
    public Task DecideAsync(string email, string button) =>
        Main.Locator($"tr[data-email='{email}']")
            .GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { NameRegex = ButtonName(button) })
            .ClickAsync();

    /// <summary>The pending requests' table of "Ajouter une entreprise" (empty when the table is absent).</summary>
    public Task<IReadOnlyList<string>> PendingRequestsAsync() => Main.Locator("table tbody tr td:first-child").AllInnerTextsAsync();

    public async Task<IReadOnlyList<BrowserContextCookiesResult>> CookiesAsync() => await Context.CookiesAsync();

    private static Regex ButtonName(string words) => new($"^{Regex.Escape(words)}( \\(.+\\))?$");

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
