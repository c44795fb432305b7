using System.Net;
using Guichet.Application.Staff;
using Guichet.Domain.Staff;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Server.Tests.BackOffice;

/// <summary>
/// The staff sign-in through its real forms (antiforgery included), on both providers: first sign-in with a one-time
/// password, later sign-ins with a code, the pending cookie between steps, replayed codes, the brake, session lifetimes.
/// Some tests advance the server's clock; each relies only on time it advances itself.
/// </summary>
public abstract class StaffSignInPagesTests(GuichetServer server)
{
    private const string SignIn = "/back-office/connexion";
    private const string NewPassword = "/back-office/connexion/nouveau-mot-de-passe";
    private const string Authenticator = "/back-office/connexion/authentificateur";
    private const string CodePage = "/back-office/connexion/code";

    /// <summary>No page answers there: 404 for a staff session, the sign-in for anyone else.</summary>
    private const string Probe = "/back-office/nulle-part";

    [Fact]
    public async Task FirstSignIn_OneTimePassword_NewPassword_Authenticator_RecoveryCodes_ThenSignedIn()
    {
        var created = await SignedInStaff.CreateAsync(server, StaffRole.Agent, "Camille Contrôle");
        using var visitor = new WebVisitor(server);

        using var form = await visitor.GetAsync(SignIn);
        var formText = await WebVisitor.TextOfAsync(form);
        using var signIn = await visitor.SubmitAsync(SignIn, SignIn,
            ("Email", created.Email.ToUpperInvariant()), ("Password", created.OneTimePassword));
        using var newPasswordForm = await visitor.GetAsync(NewPassword);
        using var changed = await visitor.SubmitAsync(NewPassword, NewPassword,
            ("CurrentPassword", created.OneTimePassword), ("Password", SignedInStaff.Password), ("PasswordConfirmation", SignedInStaff.Password));
        using var enrolment = await visitor.GetAsync(Authenticator);
        var enrolmentText = await WebVisitor.TextOfAsync(enrolment);
        var secret = SignedInStaff.SecretShownOn(enrolmentText);
        var cookiesBeforeCode = visitor.Cookies.GetAllCookies().Select(c => c.Name).ToList();
        using var enrolled = await visitor.SubmitFromAsync(enrolmentText, Authenticator, ("Code", SignedInStaff.Code(server, secret)));
        var codesText = await WebVisitor.TextOfAsync(enrolled);
        using var probe = await visitor.GetAsync(Probe);
        using var layout = await visitor.GetAsync("/back-office/acces-refuse");

        foreach (var label in new[] { ">Adresse électronique</label>", ">Mot de passe</label>", ">Se connecter</button>" })
        {
            Assert.Contains(label, formText, StringComparison.Ordinal);
        }

        Assert.Equal(NewPassword, WebVisitor.RedirectPath(signIn));
        Assert.Contains("<title>Choisir votre mot de passe — Guichet — Back office</title>", await WebVisitor.TextOfAsync(newPasswordForm),
            StringComparison.Ordinal);
        Assert.Equal(Authenticator, WebVisitor.RedirectPath(changed));
        Assert.Contains("<h2>Saisie manuelle</h2>", enrolmentText, StringComparison.Ordinal);
        Assert.Contains("<img class=\"qr-code\" src=\"data:image/png;base64,", enrolmentText, StringComparison.Ordinal);
        Assert.Contains(">Code à 6 chiffres</label>", enrolmentText, StringComparison.Ordinal);
        Assert.Contains(">Activer</button>", enrolmentText, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", enrolmentText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Se déconnecter", enrolmentText, StringComparison.Ordinal);
        Assert.DoesNotContain(">Tableau de bord</a>", enrolmentText, StringComparison.Ordinal);
        Assert.Contains("no-store", enrolment.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(20, secret.Length);
        Assert.Equal(["guichet.antiforgery", "guichet.back-office.pending"], cookiesBeforeCode.Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        Assert.Contains("<h1>Codes de secours</h1>", codesText, StringComparison.Ordinal);
        Assert.Equal(10, SignedInStaff.RecoveryCodesShownOn(codesText).Distinct().Count());
        Assert.Contains("J'ai noté mes codes", codesText, StringComparison.Ordinal);
        Assert.Contains("no-store", enrolled.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(["guichet.antiforgery", "guichet.back-office"],
            visitor.Cookies.GetAllCookies().Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, probe.StatusCode);
        Assert.Contains("<span class=\"personne\">Camille Contrôle</span>", await WebVisitor.TextOfAsync(layout), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PendingCookie_AtEveryStep_OpensNoBackOfficePage_AndNoOtherStep()
    {
        var created = await SignedInStaff.CreateAsync(server, StaffRole.Administrator);
        using var visitor = new WebVisitor(server);
        string[] pages =
            [Probe, "/back-office", "/back-office/equipe", "/back-office/equipe/ajouter", "/back-office/acces-refuse", "/back-office/deconnexion"];

        using var signIn = await visitor.SubmitAsync(SignIn, SignIn, ("Email", created.Email), ("Password", created.OneTimePassword));
        var atPasswordStep = await RedirectsOfAsync(visitor, pages);
        using var codeTooEarly = await visitor.GetAsync(CodePage);
        using var enrolmentTooEarly = await visitor.GetAsync(Authenticator);
        using var changed = await visitor.SubmitAsync(NewPassword, NewPassword,
            ("CurrentPassword", created.OneTimePassword), ("Password", SignedInStaff.Password), ("PasswordConfirmation", SignedInStaff.Password));
        var atEnrolmentStep = await RedirectsOfAsync(visitor, pages);
        using var passwordAgain = await visitor.GetAsync(NewPassword);
        var pending = visitor.Cookies.GetAllCookies().Single(c => c.Name == "guichet.back-office.pending");
        using var disguised = new WebVisitor(server);
        disguised.SetCookie("guichet.back-office", pending.Value, "/back-office");
        using var disguisedProbe = await disguised.GetAsync(Probe);

        Assert.All(atPasswordStep, path => Assert.Equal(SignIn, path));
        Assert.All(atEnrolmentStep, path => Assert.Equal(SignIn, path));
        Assert.Equal(NewPassword, WebVisitor.RedirectPath(codeTooEarly));
        Assert.Equal(NewPassword, WebVisitor.RedirectPath(enrolmentTooEarly));
        Assert.Equal(Authenticator, WebVisitor.RedirectPath(passwordAgain));
        Assert.Equal("/", pending.Path);
        Assert.True(pending.HttpOnly);
        Assert.Equal(SignIn, WebVisitor.RedirectPath(disguisedProbe));
    }

    [Fact]
    public async Task PendingSignIn_EndsWhenTheMemberIsResetOrDisabledMeanwhile()
    {
        using var reset = await SignedInStaff.SignInAsync(server);
        using var disabled = await SignedInStaff.SignInAsync(server);
        using var resetVisitor = new WebVisitor(server);
        using var disabledVisitor = new WebVisitor(server);
        using var first = await resetVisitor.SubmitAsync(SignIn, SignIn, ("Email", reset.Email), ("Password", SignedInStaff.Password));
        using var second = await disabledVisitor.SubmitAsync(SignIn, SignIn, ("Email", disabled.Email), ("Password", SignedInStaff.Password));

        await server.InScopeAsync(async services =>
        {
            Assert.True((await services.GetRequiredService<ResetStaffMember>()
                .HandleAsync(reset.Id, StaffActor.Operator, null, CancellationToken.None)).Succeeded);
            Assert.True((await services.GetRequiredService<DisableStaffMember>()
                .HandleAsync(disabled.Id, StaffActor.Operator, null, CancellationToken.None)).Succeeded);
            return true;
        });
        using var afterReset = await resetVisitor.GetAsync(CodePage);
        using var afterDisable = await disabledVisitor.GetAsync(CodePage);

        Assert.Equal(CodePage, WebVisitor.RedirectPath(first));
        Assert.Equal(CodePage, WebVisitor.RedirectPath(second));
        Assert.Equal(SignIn, WebVisitor.RedirectPath(afterReset));
        Assert.Equal(SignIn, WebVisitor.RedirectPath(afterDisable));
    }

    [Fact]
    public async Task StepPages_WithoutPendingCookie_SendToTheSignIn()
    {
        using var visitor = new WebVisitor(server);

        var redirects = await RedirectsOfAsync(visitor, NewPassword, Authenticator, CodePage);

        Assert.All(redirects, path => Assert.Equal(SignIn, path));
    }

    [Fact]
    public async Task LaterSignIn_PasswordThenCode_OpensASession_AndTheSameCodeReplayedIsRefused()
    {
        using var staff = await SignedInStaff.SignInAsync(server);
        SignedInStaff.IntoNextStep(server);
        using var first = new WebVisitor(server);
        using var second = new WebVisitor(server);
        var code = staff.Code();

        using var password = await first.SubmitAsync(SignIn, SignIn, ("Email", staff.Email), ("Password", SignedInStaff.Password));
        using var codeForm = await first.GetAsync(CodePage);
        using var accepted = await first.SubmitAsync(CodePage, CodePage, ("Code", code));
        using var probe = await first.GetAsync(Probe);
        using var secondPassword = await second.SubmitAsync(SignIn, SignIn, ("Email", staff.Email), ("Password", SignedInStaff.Password));
        using var replayed = await second.SubmitAsync(CodePage, CodePage, ("Code", code));
        using var secondProbe = await second.GetAsync(Probe);

        Assert.Equal(CodePage, WebVisitor.RedirectPath(password));
        var formText = await WebVisitor.TextOfAsync(codeForm);
        Assert.Contains(">Code à 6 chiffres</label>", formText, StringComparison.Ordinal);
        Assert.Contains(">Utiliser un code de secours</a>", formText, StringComparison.Ordinal);
        Assert.Equal("/back-office", WebVisitor.RedirectPath(accepted));
        Assert.Equal(HttpStatusCode.NotFound, probe.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("Code incorrect ou déjà utilisé.", await WebVisitor.TextOfAsync(replayed), StringComparison.Ordinal);
        Assert.Equal(SignIn, WebVisitor.RedirectPath(secondProbe));
        Assert.DoesNotContain(second.Cookies.GetAllCookies(), c => c.Name == "guichet.back-office");
    }

    [Fact]
    public async Task LaterSignIn_WithARecoveryCode_OpensASession_OnceOnly()
    {
        using var staff = await SignedInStaff.SignInAsync(server);
        using var first = new WebVisitor(server);
        using var second = new WebVisitor(server);
        var recovery = staff.RecoveryCodes[3];

        using var password = await first.SubmitAsync(SignIn, SignIn, ("Email", staff.Email), ("Password", SignedInStaff.Password));
        using var recoveryForm = await first.GetAsync(CodePage + "?secours=true");
        using var accepted = await first.SubmitAsync(CodePage + "?secours=true", CodePage,
            ("Code", recovery.ToUpperInvariant()), ("secours", "true"));
        using var probe = await first.GetAsync(Probe);
        using var secondPassword = await second.SubmitAsync(SignIn, SignIn, ("Email", staff.Email), ("Password", SignedInStaff.Password));
        using var again = await second.SubmitAsync(CodePage, CodePage, ("Code", recovery));
        var left = await server.InDbAsync(db => db.StaffRecoveryCodes.CountAsync(c => c.StaffMemberId == staff.Id));

        Assert.Contains(">Code de secours</label>", await WebVisitor.TextOfAsync(recoveryForm), StringComparison.Ordinal);
        Assert.Equal("/back-office", WebVisitor.RedirectPath(accepted));
        Assert.Equal(HttpStatusCode.NotFound, probe.StatusCode);
        Assert.Contains("Code incorrect ou déjà utilisé.", await WebVisitor.TextOfAsync(again), StringComparison.Ordinal);
        Assert.Equal(9, left);
    }

    [Fact]
    public async Task WrongEnrolmentCode_StaysOnTheFormWithItsError_AndOpensNothing()
    {
        var created = await SignedInStaff.CreateAsync(server);
        using var visitor = new WebVisitor(server);
        using var signIn = await visitor.SubmitAsync(SignIn, SignIn, ("Email", created.Email), ("Password", created.OneTimePassword));
        using var changed = await visitor.SubmitAsync(NewPassword, NewPassword,
            ("CurrentPassword", created.OneTimePassword), ("Password", SignedInStaff.Password), ("PasswordConfirmation", SignedInStaff.Password));
        using var enrolment = await visitor.GetAsync(Authenticator);
        var html = await WebVisitor.TextOfAsync(enrolment);
        var secret = SignedInStaff.SecretShownOn(html);

        using var wrong = await visitor.SubmitFromAsync(html, Authenticator, ("Code", SignedInStaff.Code(server, secret, steps: 4)));
        var wrongText = await WebVisitor.TextOfAsync(wrong);
        using var right = await visitor.SubmitFromAsync(wrongText, Authenticator, ("Code", SignedInStaff.Code(server, secret)));

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Ce code ne correspond pas", wrongText, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2>Saisie manuelle</h2>", wrongText, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong.Headers.TryGetValues("Set-Cookie", out var set) ? set : [],
            c => c.StartsWith("guichet.back-office=", StringComparison.Ordinal));
        Assert.Contains("<h1>Codes de secours</h1>", await WebVisitor.TextOfAsync(right), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewPasswordForm_ShowsEachErrorUnderItsField_AndChangesNothing()
    {
        var created = await SignedInStaff.CreateAsync(server);
        using var visitor = new WebVisitor(server);
        using var signIn = await visitor.SubmitAsync(SignIn, SignIn, ("Email", created.Email), ("Password", created.OneTimePassword));

        using var refused = await visitor.SubmitAsync(NewPassword, NewPassword,
            ("CurrentPassword", "pas-le-bon"), ("Password", "court"), ("PasswordConfirmation", "autre"));
        var text = await WebVisitor.TextOfAsync(refused);
        var stillOneTime = await server.InDbAsync(db =>
            db.StaffMembers.Where(s => s.Id == created.StaffId).Select(s => s.MustChangePassword).SingleAsync());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("data-valmsg-for=\"CurrentPassword\" data-valmsg-replace=\"true\">Le mot de passe actuel est incorrect.", text,
            StringComparison.Ordinal);
        Assert.Contains("data-valmsg-for=\"Password\" data-valmsg-replace=\"true\">Mot de passe refusé", text, StringComparison.Ordinal);
        Assert.Contains("data-valmsg-for=\"PasswordConfirmation\" data-valmsg-replace=\"true\">Les deux mots de passe ne sont pas identiques.",
            text, StringComparison.Ordinal);
        Assert.True(stillOneTime);
    }

    [Fact]
    public async Task WrongPasswordFiveTimes_ShowsTheBrakeWithTheTimeToWait()
    {
        using var staff = await SignedInStaff.SignInAsync(server);
        using var visitor = new WebVisitor(server);
        var answers = new List<string>();

        for (var failures = 1; failures <= 5; failures++)
        {
            using var response = await visitor.SubmitAsync(SignIn, SignIn, ("Email", staff.Email), ("Password", "Mauvais-pass1!"));
            answers.Add(await WebVisitor.TextOfAsync(response));
            if (failures < 5)
            {
                server.Clock.Advance(TimeSpan.FromSeconds((30 * failures) + 1));
            }
        }

        using var rightButBraked = await visitor.SubmitAsync(SignIn, SignIn, ("Email", staff.Email), ("Password", SignedInStaff.Password));

        for (var failures = 1; failures <= 5; failures++)
        {
            // A person reads the wait in whole minutes, rounded up, and the Paris time it ends.
            var minutes = ((30 * failures) + 59) / 60;
            Assert.Contains("Adresse électronique ou mot de passe incorrect. Prochaine tentative possible dans " + minutes
                + (minutes == 1 ? " minute (à " : " minutes (à "), answers[failures - 1], StringComparison.Ordinal);
        }

        Assert.Contains("Trop de tentatives échouées : réessayez dans 3 minutes (à ", await WebVisitor.TextOfAsync(rightButBraked),
            StringComparison.Ordinal);
        Assert.DoesNotContain(visitor.Cookies.GetAllCookies(), c => c.Name.StartsWith("guichet.back-office", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/back-office/equipe?tri=nom", "/back-office/equipe?tri=nom")]
    [InlineData("/outils", "/back-office")]
    [InlineData("//ailleurs.example/back-office", "/back-office")]
    [InlineData("https://ailleurs.example/back-office", "/back-office")]
    [InlineData("/back-office/../outils", "/back-office")]
    [InlineData("/back-office/connexion/code", "/back-office")]
    public async Task ReturnUrl_IsHonouredOnlyWhenLocalUnderTheBackOffice(string retour, string expected)
    {
        using var staff = await SignedInStaff.SignInAsync(server, StaffRole.Administrator);
        SignedInStaff.IntoNextStep(server);
        using var visitor = new WebVisitor(server);
        var form = SignIn + "?retour=" + Uri.EscapeDataString(retour);

        using var password = await visitor.SubmitAsync(form, form, ("Email", staff.Email), ("Password", SignedInStaff.Password), ("retour", retour));
        using var code = await visitor.SubmitAsync(CodePage, CodePage, ("Code", staff.Code()));

        Assert.Equal(expected, code.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AnAddressAskedBeforeSignIn_IsWhereTheSignInLeads()
    {
        using var staff = await SignedInStaff.SignInAsync(server, StaffRole.Administrator);
        SignedInStaff.IntoNextStep(server);
        using var visitor = new WebVisitor(server);

        using var asked = await visitor.GetAsync("/back-office/equipe");
        var location = asked.Headers.Location!;
        var signInForm = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
        using var formPage = await visitor.GetAsync(signInForm);
        using var password = await visitor.SubmitAsync(signInForm, signInForm, ("Email", staff.Email), ("Password", SignedInStaff.Password),
            ("retour", "/back-office/equipe"));
        using var code = await visitor.SubmitAsync(CodePage, CodePage, ("Code", staff.Code()));
        using var team = await visitor.GetAsync("/back-office/equipe");

        Assert.Contains("retour=%2Fback-office%2Fequipe", signInForm, StringComparison.Ordinal);
        Assert.Contains("name=\"retour\" value=\"/back-office/equipe\"", await WebVisitor.TextOfAsync(formPage), StringComparison.Ordinal);
        Assert.Equal("/back-office/equipe", code.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, team.StatusCode);
    }

    [Fact]
    public async Task PendingSignIn_LastsTenMinutes()
    {
        using var staff = await SignedInStaff.SignInAsync(server);
        using var visitor = new WebVisitor(server);
        using var password = await visitor.SubmitAsync(SignIn, SignIn, ("Email", staff.Email), ("Password", SignedInStaff.Password));

        server.Clock.Advance(TimeSpan.FromMinutes(9));
        using var at9 = await visitor.GetAsync(CodePage);
        server.Clock.Advance(TimeSpan.FromMinutes(2));
        using var at11 = await visitor.GetAsync(CodePage);

        Assert.Equal(HttpStatusCode.OK, at9.StatusCode);
        Assert.Equal(SignIn, WebVisitor.RedirectPath(at11));
    }

    [Fact]
    public async Task Session_EndsAfterThirtyMinutesIdle()
    {
        using var staff = await SignedInStaff.SignInAsync(server);

        server.Clock.Advance(TimeSpan.FromMinutes(25));
        using var at25 = await staff.Visitor.GetAsync(Probe);
        server.Clock.Advance(TimeSpan.FromMinutes(31));
        using var idle31 = await staff.Visitor.GetAsync(Probe);

        Assert.Equal(HttpStatusCode.NotFound, at25.StatusCode);
        Assert.Equal(SignIn, WebVisitor.RedirectPath(idle31));
    }

    [Fact]
    public async Task Session_EndsEightHoursAfterSignIn_EvenWhenActive()
    {
        // 19 requests 25 minutes apart (7 h 55 in all) keep it alive; 8 h 05 after the sign-in it is over.
        using var staff = await SignedInStaff.SignInAsync(server);
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 19; i++)
        {
            server.Clock.Advance(TimeSpan.FromMinutes(25));
            using var response = await staff.Visitor.GetAsync(Probe);
            statuses.Add(response.StatusCode);
        }

        server.Clock.Advance(TimeSpan.FromMinutes(10));
        using var after8h = await staff.Visitor.GetAsync(Probe);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.Equal(SignIn, WebVisitor.RedirectPath(after8h));
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        using var staff = await SignedInStaff.SignInAsync(server);

        using var signOut = await staff.Visitor.SubmitAsync("/back-office/acces-refuse", "/back-office/deconnexion");
        using var after = await staff.Visitor.GetAsync(Probe);

        Assert.Equal(SignIn, WebVisitor.RedirectPath(signOut));
        Assert.Equal(SignIn, WebVisitor.RedirectPath(after));
    }

    [Fact]
    public async Task SignOut_EndsTheSessionOnTheServer_ACopiedCookieOpensNothingAfterwards()
    {
        using var staff = await SignedInStaff.SignInAsync(server);
        using var copy = new WebVisitor(server);
        var cookie = staff.Visitor.Cookies.GetAllCookies().Single(c => c.Name == "guichet.back-office");
        copy.SetCookie(cookie.Name, cookie.Value, "/");
        using var before = await copy.GetAsync(Probe);

        using var signOut = await staff.Visitor.SubmitAsync("/back-office/acces-refuse", "/back-office/deconnexion");
        using var after = await copy.GetAsync(Probe);

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(SignIn, WebVisitor.RedirectPath(after));
    }

    private static async Task<List<string?>> RedirectsOfAsync(WebVisitor visitor, params string[] paths)
    {
        var redirects = new List<string?>();
        foreach (var path in paths)
        {
            using var response = await visitor.GetAsync(path);
            redirects.Add(WebVisitor.RedirectPath(response));
        }

        return redirects;
    }
}

public sealed class StaffSignInPagesTestsOnSqlite(SqliteServerFixture server) : StaffSignInPagesTests(server), IClassFixture<SqliteServerFixture>;

public sealed class StaffSignInPagesTestsOnPostgres(PostgresServerFixture server)
    : StaffSignInPagesTests(server), IClassFixture<PostgresServerFixture>;
