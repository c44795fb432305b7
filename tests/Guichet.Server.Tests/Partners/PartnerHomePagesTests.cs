using System.Net;
using System.Text.RegularExpressions;
using Guichet.Server.Tests.Infrastructure;

namespace Guichet.Server.Tests.Partners;

/// <summary>
/// The Partenaire home and an establishment's page: the guide's no-access text with the fund and contact of the settings,
/// then exactly the establishments granted, grouped by training body; any other SIRET in the address is a 404.
/// </summary>
public abstract partial class PartnerHomePagesTests(GuichetServer server)
{
    [Fact]
    public async Task SignIn_WithoutAccess_LandsHome_OnTheGuidesTextWithTheFundAndContactOfTheSettings()
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        using var visitor = new WebVisitor(server);

        using var signedIn = await visitor.SubmitAsync("/partenaire/connexion", "/partenaire/connexion",
            ("Email", person.Email), ("Password", WebVisitor.Password));
        using var home = await visitor.GetAsync("/partenaire");

        Assert.Equal("/partenaire", WebVisitor.RedirectPath(signedIn));
        var text = PartnerSteps.Text(await WebVisitor.TextOfAsync(home));
        Assert.Contains("<h1>Demander l'accès au Web Services Partenaire</h1>", text, StringComparison.Ordinal);
        Assert.Contains("Vous ne possédez pas encore les autorisations pour accéder au Portail OF du Fafiec. Merci de vous rapprocher de "
            + "votre correspondant du Fafiec pour demander l'accès à l'espace OF de votre organisme.", text, StringComparison.Ordinal);
        Assert.Contains("A noter : cette demande se fait en prenant directement contact avec votre/vos interlocuteur(s) du Fafiec.", text,
            StringComparison.Ordinal);
        Assert.Contains("Communiquez au Fafiec les SIRET des établissements des organismes auxquels vous souhaitez accéder.", text,
            StringComparison.Ordinal);
        Assert.Contains($"href=\"{PartnerSteps.ContactUrl}\" rel=\"noopener\">Retrouver votre contact du Fafiec</a>", text, StringComparison.Ordinal);
        Assert.DoesNotContain(PartnerSteps.ToolName, text, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"personne\">{person.DisplayName}</span>", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonWithAccesses_SeesExactlyTheirs_GroupedByTrainingBody_AndTheToolsOfTheSettings()
    {
        var (bodyA, bodyB) = (Sirens.Unique(), Sirens.Unique());
        var a1 = await server.NewEstablishmentAsync("Centre Lumière", bodyA);
        var a2 = await server.NewEstablishmentAsync(siren: bodyA);
        var a3 = await server.NewEstablishmentAsync(siren: bodyA);
        var b1 = await server.NewEstablishmentAsync(siren: bodyB);
        var person = await WebVisitor.CreatePersonAsync(server);
        var other = await WebVisitor.CreatePersonAsync(server);
        await server.GrantAsync(person.Id, a1, a2, b1);
        await server.GrantAsync(other.Id, a3);
        using var visitor = new WebVisitor(server);
        await visitor.SignInToPartnersAsync(person.Email);

        using var home = await visitor.GetAsync("/partenaire");

        var text = PartnerSteps.Text(await WebVisitor.TextOfAsync(home));
        Assert.Contains("<h1>Vos établissements</h1>", text, StringComparison.Ordinal);
        var shown = Sections().Matches(text).ToDictionary(m => m.Groups[1].Value,
            m => Rows().Matches(m.Groups[2].Value).Select(r => r.Groups[1].Value).ToList());
        Assert.Equal(new Dictionary<string, List<string>>
        {
            [bodyA] = new[] { a1.Siret, a2.Siret }.Order(StringComparer.Ordinal).ToList(),
            [bodyB] = [b1.Siret],
        }, shown);
        var s = a1.Siret;
        Assert.Contains($"Organisme de formation — SIREN {bodyA[..3]} {bodyA[3..6]} {bodyA[6..]}", text, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/partenaire/etablissements/{s}\">{s[..3]} {s[3..6]} {s[6..9]} {s[9..]}</a>", text, StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"Établissement\">Centre Lumière</td>", text, StringComparison.Ordinal);
        Assert.Contains("1 rue de la Paix<br /> 75002 Paris", text, StringComparison.Ordinal);
        Assert.DoesNotContain(a3.Siret, text, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{PartnerSteps.ToolUrl}\" rel=\"noopener\">{PartnerSteps.ToolName}</a>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Demander l'accès", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Demandes de prise en charge", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EstablishmentPage_OfAGrantedOne_ShowsItsDetailsAndTheTools()
    {
        var establishment = await server.NewEstablishmentAsync("Atelier Boussole", Sirens.Unique());
        var person = await WebVisitor.CreatePersonAsync(server);
        await server.GrantAsync(person.Id, establishment);
        using var visitor = new WebVisitor(server);
        await visitor.SignInToPartnersAsync(person.Email);

        using var page = await visitor.GetAsync($"/partenaire/etablissements/{establishment.Siret}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var text = PartnerSteps.Text(await WebVisitor.TextOfAsync(page));
        var s = establishment.Siret;
        Assert.Contains("<h1>Atelier Boussole</h1>", text, StringComparison.Ordinal);
        Assert.Contains($"<dd>{s[..3]} {s[3..6]} {s[6..9]} {s[9..]}</dd>", text, StringComparison.Ordinal);
        Assert.Contains("1 rue de la Paix<br /> 75002 Paris", text, StringComparison.Ordinal);
        Assert.Contains(PartnerSteps.ToolName, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EstablishmentPage_NotGrantedSameBody_OtherBody_Unknown_OrMalformed_IsTheSame404()
    {
        var body = Sirens.Unique();
        var mine = await server.NewEstablishmentAsync(siren: body);
        var sameBody = await server.NewEstablishmentAsync(siren: body);
        var otherBody = await server.NewEstablishmentAsync(siren: Sirens.Unique());
        var person = await WebVisitor.CreatePersonAsync(server);
        var other = await WebVisitor.CreatePersonAsync(server);
        await server.GrantAsync(person.Id, mine);
        await server.GrantAsync(other.Id, sameBody, otherBody);
        using var visitor = new WebVisitor(server);
        await visitor.SignInToPartnersAsync(person.Email);

        var answers = new List<string>();
        foreach (var siret in new[] { sameBody.Siret, otherBody.Siret, Sirets.Unique(), "pas-un-siret", mine.Siret + "0" })
        {
            using var response = await visitor.GetAsync($"/partenaire/etablissements/{siret}");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{siret}: {response.StatusCode}");
            answers.Add(Reference().Replace(await WebVisitor.TextOfAsync(response), string.Empty));
        }

        Assert.Single(answers.Distinct());
        Assert.Contains("<h1>Page introuvable</h1>", answers[0], StringComparison.Ordinal);
        Assert.Contains("Cette page n'existe pas ou vous n'y avez pas accès.", answers[0], StringComparison.Ordinal);
        Assert.Contains("<a class=\"bouton\" href=\"/partenaire\">Retour à l'accueil</a>", answers[0], StringComparison.Ordinal);
        Assert.DoesNotContain(sameBody.Name, answers[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntrepriseSession_DoesNotOpenTheEstablishmentsOfItsPerson()
    {
        var establishment = await server.NewEstablishmentAsync(siren: Sirens.Unique());
        var person = await WebVisitor.CreatePersonAsync(server);
        await server.GrantAsync(person.Id, establishment);
        using var visitor = new WebVisitor(server);
        await visitor.SignInToPortalAsync(person.Email);

        using var home = await visitor.GetAsync("/partenaire");
        using var page = await visitor.GetAsync($"/partenaire/etablissements/{establishment.Siret}");

        Assert.Equal("/partenaire/connexion", WebVisitor.RedirectPath(home));
        Assert.Equal("/partenaire/connexion", WebVisitor.RedirectPath(page));
    }

    [GeneratedRegex("<section aria-labelledby=\"organisme-(\\d{9})\">(.*?)</section>", RegexOptions.Singleline)]
    private static partial Regex Sections();

    [GeneratedRegex("<tr data-siret=\"(\\d{14})\">")]
    private static partial Regex Rows();

    [GeneratedRegex("<span class=\"reference\">[^<]*</span>")]
    private static partial Regex Reference();
}

public sealed class PartnerHomePagesTestsOnSqlite(PartnerSqliteServer server) : PartnerHomePagesTests(server), IClassFixture<PartnerSqliteServer>;

public sealed class PartnerHomePagesTestsOnPostgres(PartnerPostgresServer server)
    : PartnerHomePagesTests(server), IClassFixture<PartnerPostgresServer>;
