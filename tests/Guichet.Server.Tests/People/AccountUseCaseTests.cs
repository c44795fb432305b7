using System.Globalization;
using Guichet.Application.People;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.People;
using Guichet.Domain.Security;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.Portal;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.People;

/// <summary>"Mon compte": the details, the password change behind the sign-in's brake and its email, on both providers.</summary>
public abstract class AccountUseCaseTests(GuichetServer server)
{
    private const string Password = "Motdepasse1!";
    private const string NewPassword = "Nouveau-pass3";

    [Fact]
    public async Task ChangeDetails_SavesNamesAndChoice_NewVersion_AuditedFromTo()
    {
        var email = PortalSteps.UniqueEmail();
        var id = await server.ConfirmedPersonAsync(email);
        var before = await PersonAsync(id);

        var changed = await ChangeDetailsAsync(id, new PersonDetails(before.Version, "  Élodie ", "Dupont-Lefèvre", true));

        Assert.True(changed.Succeeded, string.Join("; ", changed.Errors));
        var after = await PersonAsync(id);
        Assert.Equal(("Élodie", "Dupont-Lefèvre", true, email), (after.FirstName, after.LastName, after.ContributionsOnly, after.Email));
        Assert.NotEqual(before.Version, after.Version);
        var audit = await server.InDbAsync(db => db.AuditEntries.SingleAsync(e => e.Event == AuditEvents.PersonDetailsChanged && e.Subject == email));
        Assert.Equal((email, "Prénom Nom", "Élodie Dupont-Lefèvre (contributions only)"), (audit.Actor, audit.FromValue, audit.ToValue));
    }

    [Fact]
    public async Task ChangeDetails_FromAnOlderVersion_IsRefused_AndWritesNothing()
    {
        var email = PortalSteps.UniqueEmail();
        var id = await server.ConfirmedPersonAsync(email);
        var read = (await PersonAsync(id)).Version;
        Assert.True((await ChangeDetailsAsync(id, new PersonDetails(read, "Autre", "Onglet", null))).Succeeded);

        var stale = await ChangeDetailsAsync(id, new PersonDetails(read, "Premier", "Onglet", true));

        Assert.Equal(PeopleErrors.DetailsChangedMeanwhile, stale.Errors.Single());
        var person = await PersonAsync(id);
        Assert.Equal(("Autre", false), (person.FirstName, person.ContributionsOnly));
        Assert.Equal(1, await server.InDbAsync(db =>
            db.AuditEntries.CountAsync(e => e.Event == AuditEvents.PersonDetailsChanged && e.Subject == email)));
    }

    [Fact]
    public async Task ChangeDetails_TwoTabsSavingAtOnce_OneWins_TheOtherIsToldTheDetailsChanged_NeverAnException()
    {
        for (var round = 0; round < 5; round++)
        {
            var email = PortalSteps.UniqueEmail();
            var id = await server.ConfirmedPersonAsync(email);
            var read = (await PersonAsync(id)).Version;

            var results = await Task.WhenAll(
                Task.Run(() => ChangeDetailsAsync(id, new PersonDetails(read, "Premier", "Onglet", null))),
                Task.Run(() => ChangeDetailsAsync(id, new PersonDetails(read, "Second", "Onglet", null))));

            Assert.Equal(1, results.Count(r => r.Succeeded));
            Assert.Equal(PeopleErrors.DetailsChangedMeanwhile, results.Single(r => !r.Succeeded).Errors.Single());
            var winner = results.Single(r => r.Succeeded).Value.FirstName;
            Assert.Equal(winner, (await PersonAsync(id)).FirstName);
            Assert.Equal(1, await server.InDbAsync(db =>
                db.AuditEntries.CountAsync(e => e.Event == AuditEvents.PersonDetailsChanged && e.Subject == email)));
        }
    }

    [Fact]
    public async Task ChangeDetails_TheSignUpRulesApply_EveryErrorAtOnce_AndNothingIsWritten()
    {
        var id = await server.ConfirmedPersonAsync(PortalSteps.UniqueEmail());
        var before = await PersonAsync(id);

        var refused = await ChangeDetailsAsync(id, new PersonDetails(before.Version, " ", new string('x', Person.MaxNameLength + 1), true));

        Assert.Equal(ErrorCodes.ValidationFailed, refused.FailureCode);
        Assert.Contains(refused.Errors, e => e is { Field: "FirstName", Code: ErrorCodes.Required });
        Assert.Contains(refused.Errors, e => e is { Field: "LastName", Code: ErrorCodes.TooLong });
        var after = await PersonAsync(id);
        Assert.Equal((before.FirstName, before.LastName, before.ContributionsOnly, before.Version),
            (after.FirstName, after.LastName, after.ContributionsOnly, after.Version));
    }

    [Fact]
    public async Task ChangePassword_RenewsTheStamp_Audits_AndEmailsWhenInParisTime_WithTheLostPasswordLink()
    {
        var email = PortalSteps.UniqueEmail();
        var id = await server.ConfirmedPersonAsync(email);
        var before = await PersonAsync(id);

        var changed = await ChangePasswordAsync(id, Password, NewPassword);

        Assert.True(changed.Succeeded, string.Join("; ", changed.Errors));
        var after = await PersonAsync(id);
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp);
        Assert.True(await server.InDbAsync(db => db.AuditEntries.AnyAsync(e => e.Event == AuditEvents.PersonPasswordChanged && e.Subject == email)));
        var mail = await server.WaitForMailAsync(email, "Votre mot de passe a été modifié");
        var paris = TimeZoneInfo.ConvertTime(after.PasswordChangedAt, FrenchTime.Zone);
        Assert.Contains($"le {paris.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)} (heure de Paris)", mail.TextBody,
            StringComparison.Ordinal);
        Assert.Contains(PortalSteps.Links.LostPassword, mail.TextBody, StringComparison.Ordinal);
        Assert.True((await SignInAsync(email, NewPassword)).Succeeded);
    }

    [Fact]
    public async Task ResetByLink_SendsTheSamePasswordChangedEmail()
    {
        var email = PortalSteps.UniqueEmail();
        await server.ConfirmedPersonAsync(email);
        await server.UseAsync<RequestPasswordReset, int>(async r =>
        {
            await r.HandleAsync(email, PortalSteps.Links, null, CancellationToken.None);
            return 0;
        });
        var token = PortalSteps.TokenFrom(await server.WaitForMailAsync(email, "Réinitialisation"));

        var reset = await server.UseAsync<ResetPassword, Result<Person>>(r =>
            r.HandleAsync(token, NewPassword, NewPassword, PortalSteps.Links, null, CancellationToken.None));

        Assert.True(reset.Succeeded, string.Join("; ", reset.Errors));
        var mail = await server.WaitForMailAsync(email, "Votre mot de passe a été modifié");
        Assert.Contains(PortalSteps.Links.LostPassword, mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_AWrongCurrentPasswordCountsInTheSignInBrake_TheRightOneIsRefusedWhileItWaits_AllAudited()
    {
        var email = PortalSteps.UniqueEmail();
        var id = await server.ConfirmedPersonAsync(email);
        var before = await PersonAsync(id);

        var wrong = await ChangePasswordAsync(id, "Pas-le-bon1!", NewPassword);
        var rightButLocked = await ChangePasswordAsync(id, Password, NewPassword);
        var signIn = await SignInAsync(email, Password);

        Assert.Contains(wrong.Errors, e => e is { Field: "CurrentPassword", Code: ErrorCodes.UserAuthenticationFailed }
            && e.Message.Contains("Prochaine tentative", StringComparison.Ordinal));
        Assert.Equal(ErrorCodes.UserTemporarilyLocked, rightButLocked.FailureCode);
        Assert.Equal(ErrorCodes.UserTemporarilyLocked, signIn.FailureCode);
        Assert.Equal(before.PasswordHash, (await PersonAsync(id)).PasswordHash);
        Assert.Equal(1, await server.InDbAsync(db =>
            db.LoginThrottles.Where(t => t.Login == LoginThrottle.PortalKey(email)).Select(t => t.Failures).SingleAsync()));
        var audited = await server.InDbAsync(db => db.AuditEntries.Where(e => e.Event == AuditEvents.PersonPasswordChangeFailed && e.Subject == email)
            .Select(e => e.Detail).ToListAsync());
        Assert.Equal(["locked", "wrong current password"], audited.Order(StringComparer.Ordinal));

        server.Clock.Advance(LoginThrottle.StepPerFailure + TimeSpan.FromSeconds(1));
        var second = await ChangePasswordAsync(id, "Pas-le-bon2!", NewPassword);
        server.Clock.Advance(LoginThrottle.StepPerFailure * 2 + TimeSpan.FromSeconds(1));
        var done = await ChangePasswordAsync(id, Password, NewPassword);

        Assert.Equal(2, await server.InDbAsync(db => db.AuditEntries.CountAsync(e => e.Event == AuditEvents.PersonPasswordChangeFailed
            && e.Subject == email && e.Detail == "wrong current password")));
        Assert.Equal(ErrorCodes.UserAuthenticationFailed, second.Errors.Single(e => e.Field == "CurrentPassword").Code);
        Assert.True(done.Succeeded, string.Join("; ", done.Errors));
        Assert.False(await server.InDbAsync(db => db.LoginThrottles.AnyAsync(t => t.Login == LoginThrottle.PortalKey(email))));
    }

    [Fact]
    public async Task SignIn_RefusedWhileTheBrakeWaits_IsAudited()
    {
        var email = PortalSteps.UniqueEmail();
        await server.ConfirmedPersonAsync(email);

        await SignInAsync(email, "Pas-le-bon1!");
        var locked = await SignInAsync(email, Password);

        Assert.Equal(ErrorCodes.UserTemporarilyLocked, locked.FailureCode);
        Assert.True(await server.InDbAsync(db => db.AuditEntries.AnyAsync(e => e.Event == AuditEvents.UserAuthenticationFailed
            && e.Subject == email && e.Detail == "portal, locked" && e.RemoteAddress == "127.0.0.1")));
    }

    private Task<Person> PersonAsync(Guid id) => server.InDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == id));

    private Task<Result<Person>> ChangeDetailsAsync(Guid id, PersonDetails details) =>
        server.UseAsync<ChangePersonDetails, Result<Person>>(c => c.HandleAsync(id, details, "127.0.0.1", CancellationToken.None));

    private Task<Result<Person>> ChangePasswordAsync(Guid id, string current, string password) =>
        server.UseAsync<ChangePassword, Result<Person>>(c => c.HandleAsync(id, current, password, password, PortalSteps.Links, "127.0.0.1",
            CancellationToken.None));

    private Task<Result<SignedIn>> SignInAsync(string email, string password) =>
        server.UseAsync<SignIn, Result<SignedIn>>(s => s.HandleAsync(email, password, "127.0.0.1", null, CancellationToken.None));
}

public sealed class AccountUseCaseTestsOnSqlite(SqliteServerFixture server) : AccountUseCaseTests(server), IClassFixture<SqliteServerFixture>;

public sealed class AccountUseCaseTestsOnPostgres(PostgresServerFixture server) : AccountUseCaseTests(server), IClassFixture<PostgresServerFixture>;
