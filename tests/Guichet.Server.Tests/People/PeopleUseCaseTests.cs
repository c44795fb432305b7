using Guichet.Application.People;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.People;
using Guichet.Domain.Security;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Server.Tests.People;

/// <summary>The rules of people (sign-up, email links, sign-in, passwords), called as the pages call them, on both providers.</summary>
public abstract class PeopleUseCaseTests(GuichetServer server)
{
    private const string Password = "Motdepasse1!";

    [Fact]
    public async Task SignUp_InvalidForm_ListsEveryErrorAndCreatesNobody()
    {
        var email = PortalSteps.UniqueEmail();

        var result = await server.UseAsync<SignUp, Result<string>>(s => s.HandleAsync(
            new SignUpRequest(email, "autre@exemple.fr", "court", "different", "", null, false), PortalSteps.Links, null, CancellationToken.None));

        Assert.Equal(ErrorCodes.ValidationFailed, result.FailureCode);
        Assert.Contains(result.Errors, e => e is { Field: "EmailConfirmation", Code: ErrorCodes.Mismatch });
        Assert.Contains(result.Errors, e => e is { Field: "Password", Code: ErrorCodes.WeakPassword });
        Assert.Contains(result.Errors, e => e is { Field: "PasswordConfirmation", Code: ErrorCodes.Mismatch });
        Assert.Contains(result.Errors, e => e is { Field: "FirstName", Code: ErrorCodes.Required });
        Assert.Contains(result.Errors, e => e is { Field: "LastName", Code: ErrorCodes.Required });
        Assert.False(await server.InDbAsync(db => db.People.AnyAsync(p => p.Email == email)));
    }

    [Fact]
    public async Task SignUp_KnownEmail_AnswersTheSameAndWarnsTheOwner()
    {
        var email = PortalSteps.UniqueEmail();
        await server.ConfirmedPersonAsync(email);

        var again = await server.UseAsync<SignUp, Result<string>>(s => s.HandleAsync(
            new SignUpRequest(email.ToUpperInvariant(), email, "Autre-pass2", "Autre-pass2", "X", "Y", true), PortalSteps.Links, null,
            CancellationToken.None));

        Assert.True(again.Succeeded);
        await server.WaitForMailAsync(email, "Tentative de création de compte");
        Assert.Equal(1, await server.InDbAsync(db => db.People.CountAsync(p => p.Email == email)));
    }

    [Fact]
    public async Task ValidationLink_IsSingleUse_AndAResendRevokesTheEarlierOne()
    {
        var email = PortalSteps.UniqueEmail();
        await server.UseAsync<SignUp, Result<string>>(s =>
            s.HandleAsync(new SignUpRequest(email, email, Password, Password, "A", "B", false), PortalSteps.Links, null, CancellationToken.None));
        var first = PortalSteps.TokenFrom(await server.WaitForMailAsync(email, "Validation de création"));
        await server.UseAsync<ResendValidationEmail, int>(
            async r => { await r.HandleAsync(email, PortalSteps.Links, null, CancellationToken.None); return 0; });
        var second = PortalSteps.TokenFrom(await server.WaitForMailAsync(email, "Validation de création", count: 2));

        var withFirst = await Validate(first);
        var withSecond = await Validate(second);
        var again = await Validate(second);
        var firstAfterwards = await Validate(first);

        Assert.True(second.Length >= 43);
        Assert.Equal(ErrorCodes.TokenUsed, withFirst.FailureCode);
        Assert.True(withSecond.Succeeded);
        // Once the account is validated, any of its old links says so (review §3.3), rather than "ask for a new link".
        Assert.Equal(ErrorCodes.EmailAlreadyConfirmed, again.FailureCode);
        Assert.Equal(ErrorCodes.EmailAlreadyConfirmed, firstAfterwards.FailureCode);
        Assert.Equal(ErrorCodes.TokenInvalid, (await Validate("forged-" + second)).FailureCode);
    }

    /// <summary>Whoever clicks must know the password chosen at sign-up: the link alone validates nobody's password.</summary>
    [Fact]
    public async Task ValidationLink_WithoutTheSignUpPassword_ConfirmsNothing_AndStaysUsable()
    {
        var email = PortalSteps.UniqueEmail();
        await server.UseAsync<SignUp, Result<string>>(s =>
            s.HandleAsync(new SignUpRequest(email, email, Password, Password, "A", "B", false), PortalSteps.Links, null, CancellationToken.None));
        var token = PortalSteps.TokenFrom(await server.WaitForMailAsync(email, "Validation de création"));

        var wrong = await Validate(token, "Autre-pass2!");
        var missing = await Validate(token, null);
        var confirmedBefore = await server.InDbAsync(db => db.People.Where(p => p.Email == email).Select(p => p.EmailConfirmedAt).SingleAsync());
        var right = await Validate(token);

        Assert.Equal(ErrorCodes.NotTheSignUpPassword, wrong.FailureCode);
        Assert.Equal("Password", Assert.Single(wrong.Errors).Field);
        Assert.Equal(ErrorCodes.Required, missing.FailureCode);
        Assert.Null(confirmedBefore);
        Assert.True(right.Succeeded);
    }

    [Fact]
    public async Task Resend_AtMostFiveLinksAnHour_TheLastOneStaysValid()
    {
        var email = PortalSteps.UniqueEmail();
        await server.UseAsync<SignUp, Result<string>>(s =>
            s.HandleAsync(new SignUpRequest(email, email, Password, Password, "A", "B", false), PortalSteps.Links, null, CancellationToken.None));
        await server.WaitForMailAsync(email, "Validation de création");

        for (var i = 0; i < 7; i++)
        {
            await server.UseAsync<ResendValidationEmail, int>(
            async r => { await r.HandleAsync(email, PortalSteps.Links, null, CancellationToken.None); return 0; });
        }

        await server.AllMailSentAsync(email);
        var mails = server.MailsTo(email).Where(m => (m.Subject ?? string.Empty).Contains("Validation de création", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(PersonTokens.MaxPerHour, mails.Count);
        Assert.True((await Validate(PortalSteps.TokenFrom(mails[^1]))).Succeeded);
    }

    [Fact]
    public async Task ValidationLink_PastItsLifetime_IsExpired()
    {
        var email = PortalSteps.UniqueEmail();
        await server.UseAsync<SignUp, Result<string>>(s =>
            s.HandleAsync(new SignUpRequest(email, email, Password, Password, "A", "B", false), PortalSteps.Links, null, CancellationToken.None));
        var token = PortalSteps.TokenFrom(await server.WaitForMailAsync(email, "Validation de création"));
        var personId = await server.InDbAsync(db => db.People.Where(p => p.Email == email).Select(p => p.Id).SingleAsync());
        await server.InDbAsync(db => db.PersonTokens.Where(t => t.PersonId == personId)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));

        Assert.Equal(ErrorCodes.TokenExpired, (await Validate(token)).FailureCode);
    }

    [Fact]
    public async Task ConcurrentClicksOnOneLink_OnlyOneValidates()
    {
        var email = PortalSteps.UniqueEmail();
        await server.UseAsync<SignUp, Result<string>>(s =>
            s.HandleAsync(new SignUpRequest(email, email, Password, Password, "A", "B", false), PortalSteps.Links, null, CancellationToken.None));
        var token = PortalSteps.TokenFrom(await server.WaitForMailAsync(email, "Validation de création"));

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Validate(token)));

        Assert.Equal(1, results.Count(r => r.Succeeded));
    }

    [Fact]
    public async Task SignIn_BeforeValidation_SaysSo_AndFailuresUseTheSharedThrottle()
    {
        var email = PortalSteps.UniqueEmail();
        await server.UseAsync<SignUp, Result<string>>(s =>
            s.HandleAsync(new SignUpRequest(email, email, Password, Password, "A", "B", false), PortalSteps.Links, null, CancellationToken.None));

        var unconfirmed = await SignInAsync(email, Password);
        var wrong = await SignInAsync(email, "Mauvais-pass1");
        var locked = await SignInAsync(email, Password);

        Assert.Equal(ErrorCodes.EmailNotConfirmed, unconfirmed.FailureCode);
        Assert.Equal(ErrorCodes.UserAuthenticationFailed, wrong.FailureCode);
        Assert.Equal(ErrorCodes.UserTemporarilyLocked, locked.FailureCode);
        Assert.Equal(1, await server.InDbAsync(db =>
            db.LoginThrottles.Where(t => t.Login == LoginThrottle.PortalKey(email)).Select(t => t.Failures).SingleAsync()));
    }

    /// <summary>A password typed in the login field is not kept by the audit trail (ASVS 7.1.1); an address is.</summary>
    [Fact]
    public async Task SignInFailure_WithSomethingThatIsNotAnAddress_AuditsAMarkInsteadOfTheText()
    {
        var typed = "Secret-" + Guid.NewGuid().ToString("N")[..12];
        var email = PortalSteps.UniqueEmail();

        Assert.False((await SignInAsync(typed, Password)).Succeeded);
        Assert.False((await SignInAsync(email, Password)).Succeeded);

        var secret = typed.ToLowerInvariant();
        Assert.False(await server.InDbAsync(db => db.AuditEntries.AnyAsync(e => e.Actor.Contains(secret) || e.Subject!.Contains(secret))));
        Assert.True(await server.InDbAsync(db => db.AuditEntries.AnyAsync(e => e.Event == AuditEvents.UserAuthenticationFailed
            && e.Subject == TypedLogin.NotAnEmailAddress)));
        Assert.True(await server.InDbAsync(db => db.AuditEntries.AnyAsync(e => e.Event == AuditEvents.UserAuthenticationFailed
            && e.Subject == email)));
    }

    [Fact]
    public async Task PasswordReset_ChangesPasswordOnceAndRenewsTheSecurityStamp()
    {
        var email = PortalSteps.UniqueEmail();
        var id = await server.ConfirmedPersonAsync(email);
        var stamp = await server.InDbAsync(db => db.People.Where(p => p.Id == id).Select(p => p.SecurityStamp).SingleAsync());
        await server.UseAsync<RequestPasswordReset, int>(
            async r => { await r.HandleAsync(email, PortalSteps.Links, null, CancellationToken.None); return 0; });
        var token = PortalSteps.TokenFrom(await server.WaitForMailAsync(email, "Réinitialisation"));

        var changed = await server.UseAsync<ResetPassword, Result<Person>>(r =>
            r.HandleAsync(token, "Nouveau-pass3", "Nouveau-pass3", PortalSteps.Links, "192.0.2.9", CancellationToken.None));
        var reused = await server.UseAsync<ResetPassword, Result<Person>>(r =>
            r.HandleAsync(token, "Encore-pass4", "Encore-pass4", PortalSteps.Links, null, CancellationToken.None));

        Assert.True(changed.Succeeded);
        Assert.NotEqual(stamp, changed.Value.SecurityStamp);
        Assert.Equal(ErrorCodes.TokenUsed, reused.FailureCode);
        Assert.True((await SignInAsync(email, "Nouveau-pass3")).Succeeded);
        Assert.Equal("192.0.2.9", await server.InDbAsync(db => db.AuditEntries.Where(e => e.Subject == email
            && e.Event == AuditEvents.PersonPasswordChanged).Select(e => e.RemoteAddress).SingleAsync()));
    }

    [Fact]
    public async Task LostPassword_UnknownEmail_SendsNothingAndAnswersTheSame()
    {
        var email = PortalSteps.UniqueEmail();

        await server.UseAsync<RequestPasswordReset, int>(
            async r => { await r.HandleAsync(email, PortalSteps.Links, null, CancellationToken.None); return 0; });

        Assert.False(await server.InDbAsync(db => db.MailOutbox.AnyAsync(m => m.Recipient == email)));
        Assert.Empty(server.MailsTo(email));
    }

    [Fact]
    public async Task Tools_ContributionsOnlyPersonsSeeOnlyTheirs()
    {
        var options = new PortalOptions();
        var everyone = new PersonSummary(Guid.NewGuid(), "a@b.fr", "A B", ContributionsOnly: false);
        var contributions = new PersonSummary(Guid.NewGuid(), "c@d.fr", "C D", ContributionsOnly: true);

        var tools = await server.InScopeAsync(services =>
        {
            var people = services.GetRequiredService<PeopleQueries>();
            return Task.FromResult((All: people.ToolsFor(everyone), Mine: people.ToolsFor(contributions)));
        });

        Assert.Equal(options.Tools.Count, tools.All.Count);
        Assert.All(tools.Mine, tool => Assert.True(tool.ForContributionsOnly));
        Assert.True(tools.Mine.Count < tools.All.Count);
    }

    private Task<Result<Person>> Validate(string token, string? password = Password) =>
        server.UseAsync<ValidateEmail, Result<Person>>(v => v.HandleAsync(token, password, CancellationToken.None));

    private Task<Result<SignedIn>> SignInAsync(string email, string password) =>
        server.UseAsync<SignIn, Result<SignedIn>>(s => s.HandleAsync(email, password, "127.0.0.1", null, CancellationToken.None));
}

public sealed class PeopleUseCaseTestsOnSqlite(SqliteServerFixture server) : PeopleUseCaseTests(server), IClassFixture<SqliteServerFixture>;

public sealed class PeopleUseCaseTestsOnPostgres(PostgresServerFixture server) : PeopleUseCaseTests(server), IClassFixture<PostgresServerFixture>;
