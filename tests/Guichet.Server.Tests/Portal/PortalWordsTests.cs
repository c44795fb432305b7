using System.Net;
using System.Text.RegularExpressions;
using Guichet.Application.People;
using Guichet.Domain.Accounts;
using Guichet.Domain.Common;
using Guichet.Domain.Companies;
using Guichet.Server.Tests.Companies;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Guichet.Server.Tests.Portal;

/// <summary>
/// The Entreprise space's screens in the words of its guide (seeds 000–002), over HTTP on both providers: each screen's
/// labels and buttons, the validation email, the pages after the link, the brake's message and the dates in Paris time.
/// </summary>
public abstract partial class PortalWordsTests(GuichetServer server)
{
    [Fact]
    public async Task SignUpForm_HasTheGuidesLabels_PolicySentence_Button_AndSidePanel()
    {
        using var visitor = new WebVisitor(server);

        var html = Text(await WebVisitor.TextOfAsync(await visitor.GetAsync("/inscription")));

        foreach (var label in new[] { "Email", "Confirmer votre Email", "Mot de passe", "Confirmer le mot de passe", "Prénom", "Nom" })
        {
            Assert.Contains($">{label}</label>", html, StringComparison.Ordinal);
        }

        Assert.Contains("Je suis expert comptable et/ou je souhaite uniquement déclarer mes contributions formation</label>", html,
            StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\">Créer le compte</button>", html, StringComparison.Ordinal);
        Assert.Contains($">{PolicySentence()}</p>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"bienvenue\">Bienvenue</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Que souhaitez-vous faire ?</p>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/connexion\">Se connecter</a>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/mot-de-passe-oublie\">Récupérer mon mot de passe</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PolicySentence_IsShownOnTheNewAndExpiredPasswordPages()
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        await server.InDbAsync(db => db.People.Where(p => p.Id == person.Id).ExecuteUpdateAsync(s =>
            s.SetProperty(p => p.PasswordChangedAt, server.Clock.GetUtcNow() - Options().PasswordLifetime - TimeSpan.FromDays(1))));
        using var visitor = new WebVisitor(server);
        var newPassword = Text(await WebVisitor.TextOfAsync(await visitor.GetAsync("/compte/nouveau-mot-de-passe?jeton=x")));
        await visitor.SignInToPortalAsync(person.Email);

        var expired = Text(await WebVisitor.TextOfAsync(await visitor.GetAsync("/compte/mot-de-passe-expire")));

        Assert.Contains("<h1>Votre mot de passe a expiré</h1>", expired, StringComparison.Ordinal);
        foreach (var html in new[] { newPassword, expired })
        {
            Assert.Contains($">{PolicySentence()}</p>", html, StringComparison.Ordinal);
            Assert.Contains(">Confirmer le mot de passe</label>", html, StringComparison.Ordinal);
        }

        Assert.Contains("Lien expiré ou déjà utilisé ? <a href=\"/mot-de-passe-oublie\">Récupérer mon mot de passe</a>", newPassword,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInPage_SaysTheGuidesWords()
    {
        using var visitor = new WebVisitor(server);

        var html = Text(await WebVisitor.TextOfAsync(await visitor.GetAsync("/connexion")));

        Assert.Contains("<strong>Vous avez déjà un identifiant ?</strong> Se connecter aux Web Services :", html, StringComparison.Ordinal);
        Assert.Contains(">Email</label>", html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\">Se connecter</button>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Mot de passe perdu ? <a href=\"/mot-de-passe-oublie\">Récupérer mon mot de passe</a></p>", html,
            StringComparison.Ordinal);
        Assert.Contains("Pas encore de compte ? <a href=\"/inscription\">Créer un compte</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LostPasswordPage_IsRecupererMonMotDePasse_WithTheConfiguredLifetime()
    {
        using var visitor = new WebVisitor(server);
        var html = Text(await WebVisitor.TextOfAsync(await visitor.GetAsync("/mot-de-passe-oublie")));

        using var sent = await visitor.SubmitAsync("/mot-de-passe-oublie", "/mot-de-passe-oublie", ("Email", PortalSteps.UniqueEmail()));

        Assert.Contains("<h1>Récupérer mon mot de passe</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\">Récupérer mon mot de passe</button>", html, StringComparison.Ordinal);
        var lifetime = FrenchFormat.Lifetime(Options().PasswordResetLifetime);
        Assert.Contains($"(valable {lifetime}).", Text(await WebVisitor.TextOfAsync(sent)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LostPassword_WithAnEmptyField_AsksForTheEmail_AndSaysNothingWasSent()
    {
        using var visitor = new WebVisitor(server);

        using var posted = await visitor.SubmitAsync("/mot-de-passe-oublie", "/mot-de-passe-oublie", ("Email", " "));

        var html = await WebVisitor.TextOfAsync(posted);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("L'adresse électronique est obligatoire.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Si un compte existe", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignUp_LeadsToValidationDeCompte_InTheGuidesWords()
    {
        var email = PortalSteps.UniqueEmail();
        using var visitor = new WebVisitor(server);

        using var posted = await SignUpAsync(visitor, email);
        var html = Text(await WebVisitor.TextOfAsync(await visitor.GetAsync("/inscription/email-envoye")));
        var later = Text(await WebVisitor.TextOfAsync(await visitor.GetAsync("/inscription/email-envoye")));

        Assert.Equal("/inscription/email-envoye", WebVisitor.RedirectPath(posted));
        Assert.DoesNotContain(email, later, StringComparison.Ordinal);
        Assert.Contains("<p>Un message de validation a été envoyé sur votre email.</p>", later, StringComparison.Ordinal);
        Assert.Contains("<h1>Validation de compte</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"<p>Un message de validation a été envoyé sur votre email : <strong>{email}</strong>.</p>", html,
            StringComparison.Ordinal);
        Assert.Contains("<p>Veuillez cliquer sur le lien d'activation contenu par ce mail pour vous connecter à votre espace Web services "
            + "Entreprises.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"aide\">Si nécessaire, cliquez sur « Renvoyer à nouveau l'email » (pensez à vérifier vos courriers "
            + "indésirables) : seul le lien du dernier mail reçu fonctionne.</p>", html, StringComparison.Ordinal);
        Assert.Contains("Renvoyer à nouveau l'email</button>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/connexion\">Retour à la connexion</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidationDeCompte_OpenedDirectly_ShowsNoEmptyAddress_AndAsksForTheEmailToResend()
    {
        using var visitor = new WebVisitor(server);

        var html = Text(await WebVisitor.TextOfAsync(await visitor.GetAsync("/inscription/email-envoye")));

        Assert.DoesNotContain("<strong></strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("votre email : .", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"email\">Email</label>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"hidden\" name=\"email\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidationEmail_IsTheGuidesHtmlEmail_WithATextAlternative_AndNoFirstName()
    {
        var email = PortalSteps.UniqueEmail();
        using var visitor = new WebVisitor(server);

        using var posted = await SignUpAsync(visitor, email);

        var mail = await server.WaitForMailAsync(email, "Validation de création de compte");
        Assert.Equal("Validation de création de compte", mail.Subject);
        Assert.NotNull(mail.TextBody);
        var link = Regex.Match(mail.TextBody, @"https?://\S+/compte/valider\?jeton=\S+").Value;
        Assert.NotEmpty(link);
        Assert.StartsWith("Madame, Monsieur,\n\nMerci de cliquer sur ce lien pour valider la création de votre compte Web services : "
            + $"Valider la création de mon compte.\n{link}\n", mail.TextBody.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var lifetime = FrenchFormat.Lifetime(Options().EmailValidationLifetime);
        Assert.Contains($"Ce lien est valable {lifetime}", mail.TextBody, StringComparison.Ordinal);
        Assert.NotNull(mail.HtmlBody);
        Assert.Contains("<p>Madame, Monsieur,</p>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<p>Merci de cliquer sur ce lien pour valider la création de votre compte Web services : "
            + $"<a href=\"{link}\">Valider la création de mon compte</a>.</p>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"Ce lien est valable {lifetime}", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Océane", mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidationLink_ThenSaysTheGuidesWords_AndAnOldLinkSaysTheAccountIsValidated()
    {
        var email = PortalSteps.UniqueEmail();
        using var visitor = new WebVisitor(server);
        using var posted = await SignUpAsync(visitor, email);
        var token = Uri.UnescapeDataString(PortalSteps.TokenFrom(await server.WaitForMailAsync(email, "Validation de création")));

        var validated = Text(await WebVisitor.TextOfAsync(await visitor.SubmitAsync($"/compte/valider?jeton={Uri.EscapeDataString(token)}",
            "/compte/valider", ("jeton", token), ("Password", WebVisitor.Password))));
        var again = Text(await WebVisitor.TextOfAsync(await visitor.SubmitAsync($"/compte/valider?jeton={Uri.EscapeDataString(token)}",
            "/compte/valider", ("jeton", token), ("Password", WebVisitor.Password))));

        Assert.Contains("Félicitations, votre compte a bien été validé.</p>", validated, StringComparison.Ordinal);
        Assert.Contains("<p>Vous pouvez maintenant vous connecter à votre espace Web services Entreprises :</p>", validated,
            StringComparison.Ordinal);
        Assert.Contains("<a class=\"bouton\" href=\"/connexion\">Se connecter</a>", validated, StringComparison.Ordinal);
        Assert.Contains("Votre compte est déjà validé : vous pouvez vous connecter.", again, StringComparison.Ordinal);
        Assert.Contains("<a class=\"bouton\" href=\"/connexion\">Se connecter</a>", again, StringComparison.Ordinal);
        Assert.DoesNotContain("Renvoyer à nouveau l'email", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplacedValidationLink_OfAnAccountNotYetValidated_OffersRenvoyerANouveauLEmail()
    {
        var email = PortalSteps.UniqueEmail();
        using var visitor = new WebVisitor(server);
        using var posted = await SignUpAsync(visitor, email);
        var first = Uri.UnescapeDataString(PortalSteps.TokenFrom(await server.WaitForMailAsync(email, "Validation de création")));
        using var resent = await visitor.SubmitAsync("/inscription/email-envoye", "/inscription/email-envoye?handler=Resend", ("email", email));
        await server.WaitForMailAsync(email, "Validation de création", count: 2);

        var html = Text(await WebVisitor.TextOfAsync(await visitor.SubmitAsync($"/compte/valider?jeton={Uri.EscapeDataString(first)}",
            "/compte/valider", ("jeton", first), ("Password", WebVisitor.Password))));

        Assert.Contains("Ce lien a déjà été utilisé ou a été remplacé par un lien plus récent.", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/inscription/email-envoye?handler=Resend\"", html, StringComparison.Ordinal);
        Assert.Contains("Renvoyer à nouveau l'email</button>", html, StringComparison.Ordinal);
        Assert.Null(await server.InDbAsync(db => db.People.Where(p => p.Email == email).Select(p => p.EmailConfirmedAt).SingleAsync()));
    }

    [Fact]
    public async Task AddCompanyPage_SaysTheGuidesWords()
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        using var visitor = new WebVisitor(server);
        await visitor.SignInToPortalAsync(person.Email);

        var html = Text(await WebVisitor.TextOfAsync(await visitor.GetAsync("/entreprises/ajouter")));

        Assert.Contains("<p>Renseignez le Siren et le code adhérent de l'entreprise puis cliquez sur « Ajouter cette entreprise ».</p>", html,
            StringComparison.Ordinal);
        Assert.Contains(">Siren</label>", html, StringComparison.Ordinal);
        Assert.Contains(">Code adhérent</label>", html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\">Ajouter cette entreprise</button>", html, StringComparison.Ordinal);
        Assert.Contains(">Liste des outils</a>", html, StringComparison.Ordinal);
        Assert.Contains(">Ajouter une entreprise</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GererLesUtilisateurs_NamesTheRolesAsMonCompteDoes_AdministrateurAndUtilisateur()
    {
        var company = await server.NewCompanyAsync();
        var administrator = await WebVisitor.CreatePersonAsync(server);
        var user = await WebVisitor.CreatePersonAsync(server);
        await MembershipAsync(administrator.Id, company.Id, MembershipRole.Administrator);
        await MembershipAsync(user.Id, company.Id, MembershipRole.Member);
        using var visitor = new WebVisitor(server);
        await visitor.SignInToPortalAsync(administrator.Email);

        var html = Text(await WebVisitor.TextOfAsync(await visitor.GetAsync($"/entreprise/{company.Id}/utilisateurs")));

        Assert.Matches($"<tr data-email=\"{Regex.Escape(administrator.Email)}\">[^<]*<td[^>]*>.*?</td> <td data-label=\"Statut\">Administrateur</td>",
            html);
        Assert.Matches($"<tr data-email=\"{Regex.Escape(user.Email)}\">[^<]*<td[^>]*>.*?</td> <td data-label=\"Statut\">Utilisateur</td>", html);
        Assert.DoesNotContain("Membre", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInFailure_GivesTheWaitInMinutes_AndTheTimeInParis()
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        using var visitor = new WebVisitor(server);

        var html = Text(await WebVisitor.TextOfAsync(await visitor.SubmitAsync("/connexion", "/connexion",
            ("Email", person.Email), ("Password", "Mauvais-pass1!"))));
        var locked = Text(await WebVisitor.TextOfAsync(await visitor.SubmitAsync("/connexion", "/connexion",
            ("Email", person.Email), ("Password", WebVisitor.Password))));

        var until = await server.InDbAsync(db => db.LoginThrottles.Where(t => t.Login == "portal:" + person.Email)
            .Select(t => t.BlockedUntil).SingleAsync());

        Assert.Contains($"Prochaine tentative possible dans 1 minute (à {FrenchFormat.ParisClockRoundedUp(until!.Value)}, heure de Paris).", html,
            StringComparison.Ordinal);
        Assert.Contains(
            $"Trop de tentatives échouées : réessayez dans 1 minute (à {FrenchFormat.ParisClockRoundedUp(until!.Value)}, heure de Paris).",
            locked, StringComparison.Ordinal);
        Assert.DoesNotContain("secondes", html + locked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstAdministratorsNotice_ShowsOnce_AndNeverOnALaterPage()
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        var company = await server.NewCompanyAsync();
        using var visitor = new WebVisitor(server);
        await visitor.SignInToPortalAsync(person.Email);

        var added = Text(await WebVisitor.TextOfAsync(await visitor.SubmitAsync("/entreprises/ajouter", "/entreprises/ajouter?handler=Add",
            ("Siren", company.Siren), ("MemberCode", company.MemberCode))));
        var later = Text(await WebVisitor.TextOfAsync(await visitor.GetAsync("/entreprises/ajouter")));
        var users = Text(await WebVisitor.TextOfAsync(await visitor.GetAsync($"/entreprise/{company.Id}/utilisateurs")));

        Assert.Contains("Votre compte est activé. Vous allez être redirigé.", added, StringComparison.Ordinal);
        Assert.Contains($"href=\"/entreprise/{company.Id}\"", added, StringComparison.Ordinal);
        Assert.DoesNotContain("Votre compte est activé", later + users, StringComparison.Ordinal);
    }

    private Task<int> MembershipAsync(Guid personId, Guid companyId, MembershipRole role) => server.InDbAsync(db =>
    {
        db.Memberships.Add(new Membership
        {
            PersonId = personId,
            CompanyId = companyId,
            Role = role,
            Status = MembershipStatus.Active,
            RequestedAt = server.Clock.GetUtcNow(),
        });
        return db.SaveChangesAsync();
    });

    private PortalOptions Options() => server.Services.GetRequiredService<IOptions<PortalOptions>>().Value;

    private string PolicySentence() => PasswordMessages.Sentence(Options().PasswordPolicy);

    private static string Text(string html) => Regex.Replace(html, @"\s+", " ");

    private static Task<HttpResponseMessage> SignUpAsync(WebVisitor visitor, string email) =>
        visitor.SubmitAsync("/inscription", "/inscription",
            ("Form.Email", email), ("Form.EmailConfirmation", email), ("Form.Password", WebVisitor.Password),
            ("Form.PasswordConfirmation", WebVisitor.Password), ("Form.FirstName", "Océane"), ("Form.LastName", "Formatrice"));
}

public sealed class PortalWordsTestsOnSqlite(SqliteServerFixture server) : PortalWordsTests(server), IClassFixture<SqliteServerFixture>;

public sealed class PortalWordsTestsOnPostgres(PostgresServerFixture server) : PortalWordsTests(server), IClassFixture<PostgresServerFixture>;
