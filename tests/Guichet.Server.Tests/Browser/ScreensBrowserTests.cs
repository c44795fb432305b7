using System.Text.RegularExpressions;
using Guichet.Domain.People;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Guichet.Server.Tests.Browser;

/// <summary>
/// Every page of the Entreprise space (at the root) and of the Partenaire space (/partenaire), in its normal state and
/// with errors, through <see cref="PortalVisitor.ShotAsync"/> (axe at 1024 and 360 px, no sideways scrolling); and the
/// rules of a form in error: the page's title starts with "Erreur – ", a summary (an alert whose heading has the focus)
/// links every error to its field, each field in error is aria-invalid and described by its own message, after what
/// already described it; text fields are marked required, and the form says so once. Fields are found by their names,
/// not their labels (the labels are the guides' words, which change on their own).
/// </summary>
public sealed partial class ScreensBrowserTests(PortalServer server, BrowserFixture browser)
    : IClassFixture<PortalServer>, IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("", "entreprise")]
    [InlineData("/partenaire", "partenaire")]
    public async Task AnonymousPages_NormalAndInError_PassAxeAndFitAPhone(string space, string who)
    {
        await using var visitor = await PortalVisitor.OpenAsync(browser, server, who);

        await visitor.GotoAsync(space + "/connexion");
        await ExpectNoErrorAsync(visitor);
        await visitor.ShotAsync("connexion");
        await SubmitAsync(visitor);
        await ExpectErrorsTiedToFieldsAsync(visitor);
        await visitor.ShotAsync("connexion-erreur");

        await visitor.GotoAsync(space + "/inscription");
        await ExpectNoErrorAsync(visitor);
        await ExpectRequiredFieldsAsync(visitor, ["Form.Email", "Form.EmailConfirmation", "Form.Password", "Form.PasswordConfirmation",
            "Form.FirstName", "Form.LastName"]);
        await visitor.ShotAsync("inscription");
        await visitor.Main.Locator("input[name='Form.Email']").FillAsync("pas-une-adresse");
        await visitor.Main.Locator("input[name='Form.Password']").FillAsync("court");
        await SubmitAsync(visitor);
        var invalid = await ExpectErrorsTiedToFieldsAsync(visitor);
        Assert.Superset(new HashSet<string> { "Form.Email", "Form.Password", "Form.FirstName", "Form.LastName" }, invalid.ToHashSet());
        // The password policy still describes the field, before its error.
        Assert.StartsWith("politique ", await visitor.Main.Locator("input[name='Form.Password']").GetAttributeAsync("aria-describedby"),
            StringComparison.Ordinal);
        await visitor.ShotAsync("inscription-erreurs");
        // A link of the summary leads to its field.
        await visitor.Main.Locator(".resume-erreurs a[href='#Form_FirstName']").ClickAsync();
        await Assertions.Expect(visitor.Main.Locator("input[name='Form.FirstName']")).ToBeFocusedAsync();

        await visitor.GotoAsync(space + "/mot-de-passe-oublie");
        await ExpectRequiredFieldsAsync(visitor, ["Email"]);
        await visitor.ShotAsync("mot-de-passe-oublie");
        await visitor.Main.Locator("input[name=Email]").FillAsync(PortalServer.NewEmail("inconnu"));
        await SubmitAsync(visitor);
        await Assertions.Expect(visitor.Main.Locator("[role=status]")).ToBeVisibleAsync();
        await visitor.ShotAsync("mot-de-passe-oublie-envoye");

        await visitor.GotoAsync(space + "/compte/nouveau-mot-de-passe?jeton=inconnu");
        await visitor.ShotAsync("nouveau-mot-de-passe");
        await visitor.Main.Locator("input[name=Password]").FillAsync(PortalServer.Password);
        await visitor.Main.Locator("input[name=PasswordConfirmation]").FillAsync(PortalServer.Password + "x");
        await SubmitAsync(visitor);
        await ExpectErrorsTiedToFieldsAsync(visitor);
        await visitor.ShotAsync("nouveau-mot-de-passe-erreur");

        await visitor.GotoAsync(space + "/compte/valider?jeton=inconnu");
        await visitor.ShotAsync("valider");

        await visitor.GotoAsync(space + "/inscription/email-envoye");
        await visitor.ShotAsync("email-envoye-sans-adresse");

        await visitor.GotoAsync(space + "/cette-page-n-existe-pas");
        await visitor.ExpectTitleAsync("Page introuvable");
        await visitor.ShotAsync("introuvable");
    }

    [Fact]
    public async Task EntreprisePagesOfAPerson_NormalAndInError_PassAxeAndFitAPhone()
    {
        var person = await server.CreatePersonAsync("Camille", "Durand-Delacourt-Montreuil");
        var company = await server.CreateCompanyAsync();
        await using var visitor = await PortalVisitor.OpenAsync(browser, server, "camille");
        await SignInAsync(visitor, "", person.Email);

        await visitor.ExpectPathAsync("/entreprises/ajouter");
        await visitor.ShotAsync("ajouter");
        await visitor.Main.Locator("input[name=Siren]").FillAsync(company.Siren);
        await visitor.Main.Locator("input[name=MemberCode]").FillAsync("FAUX-CODE");
        await SubmitAsync(visitor);
        Assert.NotEmpty(await ExpectErrorsTiedToFieldsAsync(visitor));
        await visitor.ShotAsync("ajouter-code-faux");
        await visitor.Main.Locator("input[name=Siren]").FillAsync("123");
        await visitor.Main.Locator("input[name=MemberCode]").FillAsync(string.Empty);
        await SubmitAsync(visitor);
        Assert.Equal(["MemberCode", "Siren"], (await ExpectErrorsTiedToFieldsAsync(visitor)).Order(StringComparer.Ordinal));
        await visitor.ShotAsync("ajouter-erreurs");

        await visitor.GotoAsync("/compte/mot-de-passe");
        await ExpectRequiredFieldsAsync(visitor, ["CurrentPassword", "Password", "PasswordConfirmation"]);
        await visitor.ShotAsync("mot-de-passe");
        await visitor.Main.Locator("input[name=CurrentPassword]").FillAsync("Pas le bon 1!");
        await visitor.Main.Locator("input[name=Password]").FillAsync(PortalServer.Password + "2");
        await visitor.Main.Locator("input[name=PasswordConfirmation]").FillAsync(PortalServer.Password + "2");
        await SubmitAsync(visitor);
        Assert.Contains("CurrentPassword", await ExpectErrorsTiedToFieldsAsync(visitor));
        await visitor.ShotAsync("mot-de-passe-erreur");

        // A company administered, its users (one request pending), a request of one's own pending elsewhere.
        await server.AddCompanyAsync(person, company);
        var requester = await server.CreatePersonAsync("Bruno", "Demandeur");
        await server.AddCompanyAsync(requester, company);
        var other = await server.CreateCompanyAsync();
        await server.AddCompanyAsync(await server.CreatePersonAsync("Chloé", "Administratrice"), other);
        await server.AddCompanyAsync(person, other);

        await visitor.GotoAsync("/outils");
        await visitor.ShotAsync("outils");
        await visitor.Page.Locator("header details.entreprises summary").ClickAsync();
        await visitor.ShotAsync("menu-entreprises");
        await visitor.GotoAsync($"/entreprise/{company.Id}");
        await visitor.ShotAsync("accueil-entreprise");
        await visitor.GotoAsync($"/entreprise/{company.Id}/utilisateurs");
        await Assertions.Expect(visitor.Main.GetByRole(AriaRole.Button, new() { Name = "Accepter (Bruno Demandeur)", Exact = true }))
            .ToBeVisibleAsync();
        await visitor.ShotAsync("utilisateurs");
        await visitor.GotoAsync("/entreprises/ajouter");
        await Assertions.Expect(visitor.Main.GetByRole(AriaRole.Button, new() { Name = $"Relancer ma demande ({other.Name})", Exact = true }))
            .ToBeVisibleAsync();
        await visitor.ShotAsync("demande-en-attente");

        await visitor.GotoAsync("/deconnexion");
        await visitor.ShotAsync("deconnexion");
    }

    [Fact]
    public async Task PartenairePagesOfAPerson_NormalAndInError_PassAxeAndFitAPhone()
    {
        var person = await server.CreatePersonAsync("Odile", "Formatrice");
        await server.InDbAsync(db => db.People.Where(p => p.Id == person.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.SignedUpIn, PortalSpace.Partenaire)));
        await using var visitor = await PortalVisitor.OpenAsync(browser, server, "odile");
        await SignInAsync(visitor, "/partenaire", person.Email);

        await visitor.ExpectPathAsync("/partenaire");
        await visitor.ShotAsync("sans-acces");
        await visitor.GotoAsync("/partenaire/compte/mot-de-passe");
        await visitor.ShotAsync("mot-de-passe");
        await SubmitAsync(visitor);
        Assert.NotEmpty(await ExpectErrorsTiedToFieldsAsync(visitor));
        await visitor.ShotAsync("mot-de-passe-erreur");
        await visitor.GotoAsync("/partenaire/deconnexion");
        await visitor.ShotAsync("deconnexion");
    }

    /// <summary>
    /// "Mes entreprises" open, with a company whose name has 120 characters: at every width, from a phone's to a wide
    /// screen's (between them, where the menu opens over the page), the menu stays inside the window and the name wraps.
    /// </summary>
    [Fact]
    public async Task CompanyMenu_WithA120CharacterName_StaysInsideTheWindow_AtEveryWidth()
    {
        var name = "Société coopérative ouvrière de production des artisans boulangers et pâtissiers réunis de Val-de-Loire Sud "
            + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        Assert.Equal(120, name.Length);
        var person = await server.CreatePersonAsync("Léa", "Longuenom");
        var company = await server.CreateCompanyAsync(name);
        await server.AddCompanyAsync(person, company);
        await using var visitor = await PortalVisitor.OpenAsync(browser, server, "lea");
        await SignInAsync(visitor, "", person.Email);
        var menu = visitor.Page.Locator("header details.entreprises");
        await menu.Locator("summary").ClickAsync();
        var list = menu.Locator("ul");
        await Assertions.Expect(list).ToContainTextAsync(name);

        foreach (var width in new[] { PageChecks.PhoneWidth, 641, 720, 800, 900, 1024, 1280, 1920 })
        {
            await visitor.Page.SetViewportSizeAsync(width, 800);
            await PageChecks.ExpectNoSidewaysScrollAsync(visitor.Page, $"menu-entreprises-{width}");
            var box = await list.BoundingBoxAsync();
            Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= width, $"{width} px: the menu spans {box?.X}–{box?.X + box?.Width}.");
            var lineHeight = await list.Locator("li a").First.EvaluateAsync<double>("a => parseFloat(getComputedStyle(a).lineHeight) || 20");
            Assert.True((await list.Locator("li a").First.BoundingBoxAsync())!.Height > 1.5 * lineHeight, $"{width} px: the name does not wrap.");
        }

        await visitor.Page.SetViewportSizeAsync(1024, 768);
        await visitor.ShotAsync("menu-entreprises-nom-long");
    }

    private static async Task SignInAsync(PortalVisitor visitor, string space, string email)
    {
        await visitor.GotoAsync(space + "/connexion");
        await visitor.Main.Locator("input[name=Email]").FillAsync(email);
        await visitor.Main.Locator("input[name=Password]").FillAsync(PortalServer.Password);
        await SubmitAsync(visitor);
        await Assertions.Expect(visitor.Page).Not.ToHaveURLAsync(new Regex("/connexion"));
    }

    private static Task SubmitAsync(PortalVisitor visitor) => visitor.Main.Locator("form").First.Locator("button[type=submit]").ClickAsync();

    private static async Task ExpectNoErrorAsync(PortalVisitor visitor)
    {
        await Assertions.Expect(visitor.Page).Not.ToHaveTitleAsync(ErrorTitle());
        Assert.Equal(0, await visitor.Main.Locator(".resume-erreurs, [aria-invalid]").CountAsync());
    }

    /// <summary>Every text field of the page's forms is aria-required, and each such form says once what the asterisk means.</summary>
    private static async Task ExpectRequiredFieldsAsync(PortalVisitor visitor, string[] names)
    {
        foreach (var name in names)
        {
            await Assertions.Expect(visitor.Main.Locator($"input[name='{name}']")).ToHaveAttributeAsync("aria-required", "true");
        }

        var form = visitor.Main.Locator("form", new() { Has = visitor.Page.Locator("[aria-required=true]") });
        await Assertions.Expect(form.Locator("p.obligatoire")).ToHaveTextAsync("Les champs marqués d'un astérisque (*) sont obligatoires.");
    }

    /// <summary>The page shows errors by the rules; returns the names of the fields in error.</summary>
    private static async Task<string[]> ExpectErrorsTiedToFieldsAsync(PortalVisitor visitor)
    {
        await Assertions.Expect(visitor.Page).ToHaveTitleAsync(ErrorTitle());
        var summary = visitor.Main.Locator(".resume-erreurs[role=alert]");
        await Assertions.Expect(summary).ToBeVisibleAsync();
        await Assertions.Expect(summary.Locator("h2")).ToBeFocusedAsync();
        Assert.True(await summary.Locator("li").CountAsync() > 0);
        var problems = await visitor.Page.EvaluateAsync<string[]>("""
            () => {
                const problems = [];
                const links = [...document.querySelectorAll('main .resume-erreurs a')];
                for (const field of document.querySelectorAll('main [aria-invalid=true]')) {
                    const messages = (field.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean)
                        .map(id => document.getElementById(id)).filter(e => e && e.classList.contains('field-validation-error'));
                    if (messages.length !== 1) { problems.push(`${field.name}: described by ${messages.length} error messages`); continue; }
                    const message = messages[0].textContent.trim();
                    if (!message) problems.push(`${field.name}: empty error message`);
                    if (!links.some(a => a.getAttribute('href') === '#' + field.id && a.textContent.trim() === message))
                        problems.push(`${field.name}: "${message}" not linked from the summary`);
                }
                for (const a of links) {
                    const field = document.getElementById(a.getAttribute('href').slice(1));
                    if (!field || field.getAttribute('aria-invalid') !== 'true') problems.push(`"${a.textContent}" links to no field in error`);
                }
                return problems;
            }
            """);
        Assert.Empty(problems);
        return (await visitor.Main.Locator("[aria-invalid=true]").EvaluateAllAsync<string[]>("fields => fields.map(f => f.name)")).ToArray();
    }

    [GeneratedRegex("^Erreur – ")]
    private static partial Regex ErrorTitle();
}
