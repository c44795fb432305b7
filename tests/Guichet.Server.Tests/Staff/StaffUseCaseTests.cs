using Guichet.Application.Staff;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.Security;
using Guichet.Domain.Staff;
using Guichet.Server.Areas.BackOffice;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.Portal;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.Staff;

/// <summary>The staff accounts' rules, called as the back-office pages will call them, on both providers.</summary>
public abstract class StaffUseCaseTests(GuichetServer server)
{
    [Fact]
    public async Task Create_InvalidFields_ListsEveryErrorAndCreatesNothing()
    {
        var result = await CreateAsync(new NewStaffMember("pas-une-adresse", new string('n', 101), "boss"));
        var blank = await CreateAsync(new NewStaffMember("  ", " ", null));

        Assert.Equal(ErrorCodes.ValidationFailed, result.FailureCode);
        Assert.Contains(result.Errors, e => e is { Field: "Email", Code: ErrorCodes.InvalidEmail });
        Assert.Contains(result.Errors, e => e is { Field: "DisplayName", Code: ErrorCodes.TooLong });
        Assert.Contains(result.Errors, e => e is { Field: "Role", Code: ErrorCodes.InvalidValue });
        Assert.Contains(blank.Errors, e => e is { Field: "Email", Code: ErrorCodes.Required });
        Assert.Contains(blank.Errors, e => e is { Field: "DisplayName", Code: ErrorCodes.Required });
        Assert.Contains(blank.Errors, e => e is { Field: "Role", Code: ErrorCodes.InvalidValue });
        Assert.False(await server.InDbAsync(db => db.StaffMembers.AnyAsync(s => s.Email == "pas-une-adresse")));
    }

    [Fact]
    public async Task Create_TakenEmail_IsRefusedWhateverItsCase()
    {
        var email = StaffSteps.UniqueEmail();
        await server.CreateStaffAsync(email: email);

        var again = await CreateAsync(new NewStaffMember(" " + email.ToUpperInvariant(), "Autre", "administrator"));

        Assert.Contains(again.Errors, e => e is { Field: "Email", Code: ErrorCodes.AlreadyExists });
        Assert.Equal(1, await server.InDbAsync(db => db.StaffMembers.CountAsync(s => s.Email == email)));
    }

    [Fact]
    public async Task Create_StoresASlowHashAndAuditsTheActor()
    {
        var created = await server.CreateStaffAsync(StaffRole.Administrator);

        var stored = await server.InDbAsync(db => db.StaffMembers.SingleAsync(s => s.Id == created.StaffId));
        Assert.Equal(StaffRole.Administrator, stored.Role);
        Assert.True(stored.MustChangePassword);
        Assert.DoesNotContain(created.OneTimePassword, stored.PasswordHash, StringComparison.Ordinal);
        Assert.Empty(StaffPasswords.OneTimePolicy.Check(created.OneTimePassword));
        var audit = await server.InDbAsync(db =>
            db.AuditEntries.SingleAsync(e => e.Subject == created.Email && e.Event == AuditEvents.StaffMemberCreated));
        Assert.Equal("operator", audit.Actor);
    }

    [Fact]
    public async Task OneTimePassword_ForcesANewPasswordBeforeAnythingElse()
    {
        var created = await server.CreateStaffAsync();

        var first = await server.SignInStaffAsync(created.Email, created.OneTimePassword);
        var enrolTooSoon = await server.UseAsync<BeginTotpEnrolment, Result<TotpEnrolment>>(b =>
            b.HandleAsync(created.StaffId, CancellationToken.None));
        var codeTooSoon = await server.VerifyAsync(created.StaffId, "123456");
        var weak = await server.ChangePasswordAsync(created.StaffId, created.OneTimePassword, "faible");
        var same = await server.ChangePasswordAsync(created.StaffId, created.OneTimePassword, created.OneTimePassword);
        var changed = await server.ChangePasswordAsync(created.StaffId, created.OneTimePassword, StaffSteps.Password);
        var withOld = await server.SignInStaffAsync(created.Email, created.OneTimePassword);
        server.PastTheBrake();
        var withNew = await server.SignInStaffAsync(created.Email, StaffSteps.Password);

        Assert.Equal(StaffNextStep.ChangePassword, first.Value.Next);
        Assert.Equal(ErrorCodes.PasswordChangeRequired, enrolTooSoon.FailureCode);
        Assert.Equal(ErrorCodes.PasswordChangeRequired, codeTooSoon.FailureCode);
        Assert.Contains(weak.Errors, e => e is { Field: "Password", Code: ErrorCodes.WeakPassword });
        Assert.Contains(same.Errors, e => e is { Field: "Password", Code: ErrorCodes.InvalidValue });
        Assert.Equal(StaffNextStep.EnrolTotp, changed.Value.Next);
        Assert.NotEqual(first.Value.SecurityStamp, changed.Value.SecurityStamp);
        Assert.Equal(ErrorCodes.UserAuthenticationFailed, withOld.FailureCode);
        Assert.Equal(StaffNextStep.EnrolTotp, withNew.Value.Next);
        Assert.False(await server.InDbAsync(db =>
            db.StaffMembers.Where(s => s.Id == created.StaffId).Select(s => s.MustChangePassword).SingleAsync()));
    }

    [Fact]
    public async Task ChangePassword_WrongCurrent_IsRefusedAndCountsInTheBrake()
    {
        var created = await server.CreateStaffAsync();

        var wrong = await server.ChangePasswordAsync(created.StaffId, "Pas-le-bon1", StaffSteps.Password);
        var locked = await server.ChangePasswordAsync(created.StaffId, created.OneTimePassword, StaffSteps.Password);

        Assert.Contains(wrong.Errors, e => e is { Field: "CurrentPassword", Code: ErrorCodes.UserAuthenticationFailed });
        Assert.Equal(ErrorCodes.UserTemporarilyLocked, locked.FailureCode);
        Assert.Equal(1, await FailuresAsync(created.Email));
    }

    [Fact]
    public async Task WrongPassword_CountsInTheStaffKey_AndWaitsGrowAsForEveryLogin()
    {
        var created = await server.CreateStaffAsync();

        var wrong = await server.SignInStaffAsync(created.Email, "Pas-le-bon1");
        var lockedAtOnce = await server.SignInStaffAsync(created.Email, created.OneTimePassword);
        server.Clock.Advance(LoginThrottle.WaitAfter(1) + TimeSpan.FromSeconds(1));
        var wrongAgain = await server.SignInStaffAsync(created.Email, "Pas-le-bon2");
        server.Clock.Advance(LoginThrottle.WaitAfter(1) + TimeSpan.FromSeconds(1));
        var stillLocked = await server.SignInStaffAsync(created.Email, created.OneTimePassword);
        server.Clock.Advance(LoginThrottle.WaitAfter(1));
        var afterTheWait = await server.SignInStaffAsync(created.Email, created.OneTimePassword);

        Assert.Equal(ErrorCodes.UserAuthenticationFailed, wrong.FailureCode);
        Assert.Equal(ErrorCodes.UserTemporarilyLocked, lockedAtOnce.FailureCode);
        Assert.Equal(ErrorCodes.UserAuthenticationFailed, wrongAgain.FailureCode);
        Assert.Equal(ErrorCodes.UserTemporarilyLocked, stillLocked.FailureCode);
        Assert.Equal(StaffNextStep.ChangePassword, afterTheWait.Value.Next);
        Assert.Equal(2, await FailuresAsync(created.Email));
        Assert.False(await server.InDbAsync(db => db.LoginThrottles.AnyAsync(t => t.Login == LoginThrottle.PortalKey(created.Email))));
    }

    [Fact]
    public async Task UnknownEmailAndDisabledMember_AnswerExactlyLikeAWrongPassword()
    {
        var wrongPassword = await server.CreateStaffAsync();
        var disabled = await server.CreateStaffAsync();
        Assert.True((await DisableAsync(disabled.StaffId, StaffActor.Operator)).Succeeded);
        var unknown = StaffSteps.UniqueEmail();

        var answers = new[]
        {
            await server.SignInStaffAsync(wrongPassword.Email, "Pas-le-bon1"),
            await server.SignInStaffAsync(disabled.Email, disabled.OneTimePassword),
            await server.SignInStaffAsync(unknown, "Pas-le-bon1"),
        };

        Assert.All(answers, a => Assert.Equal(ErrorCodes.UserAuthenticationFailed, a.FailureCode));
        Assert.Single(answers.Select(a => a.Errors.Single().Message.Split(" (")[0]).Distinct());
        Assert.All(answers, a =>
            Assert.StartsWith("Adresse électronique ou mot de passe incorrect.", a.Errors.Single().Message, StringComparison.Ordinal));
        foreach (var email in new[] { wrongPassword.Email, disabled.Email, unknown })
        {
            Assert.Equal(1, await FailuresAsync(email));
        }
    }

    [Fact]
    public async Task BeginEnrolment_GivesTheKeyTheUriAndAQrCode_AndKeepsTheSecretEncrypted()
    {
        var created = await server.CreateStaffAsync();
        await server.ChangePasswordAsync(created.StaffId, created.OneTimePassword, StaffSteps.Password);

        var begun = await server.UseAsync<BeginTotpEnrolment, Result<TotpEnrolment>>(b => b.HandleAsync(created.StaffId, CancellationToken.None));

        var groups = begun.Value.ManualKey.Split(' ');
        Assert.Equal(8, groups.Length);
        Assert.All(groups, g => Assert.Matches("^[A-Z2-7]{4}$", g));
        var key = string.Concat(groups);
        Assert.StartsWith("otpauth://totp/Guichet:", begun.Value.Uri, StringComparison.Ordinal);
        Assert.Contains("secret=" + key, begun.Value.Uri, StringComparison.Ordinal);
        Assert.Contains("issuer=Guichet", begun.Value.Uri, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString(created.Email), begun.Value.Uri, StringComparison.Ordinal);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], begun.Value.QrCodePng[..4]);
        Assert.StartsWith("data:image/png;base64,", begun.Value.QrCodeDataUri, StringComparison.Ordinal);
        var stored = await server.InDbAsync(db => db.StaffMembers.SingleAsync(s => s.Id == created.StaffId));
        Assert.False(stored.TotpConfirmed);
        Assert.DoesNotContain(key, stored.TotpSecretProtected!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmEnrolment_WrongCodeKeepsItPending_RightCodeGivesTenRecoveryCodesOnce()
    {
        var created = await server.CreateStaffAsync();
        var changed = await server.ChangePasswordAsync(created.StaffId, created.OneTimePassword, StaffSteps.Password);
        var secret = await server.BeginEnrolmentSecretAsync(created.StaffId);
        var verifyBefore = await server.VerifyAsync(created.StaffId, server.Code(secret));

        var wrong = await ConfirmAsync(created.StaffId, server.Code(secret, steps: 3));
        var right = await ConfirmAsync(created.StaffId, server.Code(secret));
        var again = await ConfirmAsync(created.StaffId, server.Code(secret));
        var reEnrol = await server.UseAsync<BeginTotpEnrolment, Result<TotpEnrolment>>(b => b.HandleAsync(created.StaffId, CancellationToken.None));

        Assert.Equal(ErrorCodes.TotpNotEnrolled, verifyBefore.FailureCode);
        Assert.Equal(ErrorCodes.InvalidCode, wrong.FailureCode);
        Assert.Equal(10, right.Value.RecoveryCodes.Count);
        Assert.Equal(10, right.Value.RecoveryCodes.Distinct().Count());
        Assert.All(right.Value.RecoveryCodes, c => Assert.Matches("^[a-z2-9]{4}-[a-z2-9]{4}$", c));
        Assert.NotEqual(changed.Value.SecurityStamp, right.Value.Session.SecurityStamp);
        Assert.Equal(created.Email, right.Value.Session.Email);
        Assert.Equal(ErrorCodes.TotpAlreadyEnrolled, again.FailureCode);
        Assert.Equal(ErrorCodes.TotpAlreadyEnrolled, reEnrol.FailureCode);
        var hashes = await server.InDbAsync(db =>
            db.StaffRecoveryCodes.Where(c => c.StaffMemberId == created.StaffId).Select(c => c.CodeHash).ToListAsync());
        Assert.Equal(10, hashes.Count);
        Assert.DoesNotContain(hashes, h => right.Value.RecoveryCodes.Any(c => h.Contains(c, StringComparison.Ordinal)));
        Assert.Equal(StaffNextStep.EnterCode, (await server.SignInStaffAsync(created.Email, StaffSteps.Password)).Value.Next);
    }

    [Fact]
    public async Task Code_OneStepEitherWayIsAccepted_TwoStepsAreRefused()
    {
        var staff = await server.EnrolledStaffAsync();
        server.NextStep();
        server.Clock.Advance(TimeSpan.FromMinutes(3));

        var twoBefore = await server.VerifyAsync(staff.Id, server.Code(staff.Secret, steps: -2));
        server.PastTheBrake();
        var twoAfter = await server.VerifyAsync(staff.Id, server.Code(staff.Secret, steps: 2));
        server.PastTheBrake();
        var oneBefore = await server.VerifyAsync(staff.Id, server.Code(staff.Secret, steps: -1));
        var oneAfter = await server.VerifyAsync(staff.Id, server.Code(staff.Secret, steps: 1));

        Assert.Equal(ErrorCodes.InvalidCode, twoBefore.FailureCode);
        Assert.Equal(ErrorCodes.InvalidCode, twoAfter.FailureCode);
        Assert.True(oneBefore.Succeeded, string.Join("; ", oneBefore.Errors));
        Assert.True(oneAfter.Succeeded, string.Join("; ", oneAfter.Errors));
    }

    [Fact]
    public async Task Code_IsAcceptedOnce_AndAnOlderStepIsRefusedAfterALaterOne()
    {
        var staff = await server.EnrolledStaffAsync();
        server.NextStep();
        var code = server.Code(staff.Secret);

        var first = await server.VerifyAsync(staff.Id, code);
        var twice = await server.VerifyAsync(staff.Id, code);
        server.PastTheBrake();
        var ahead = await server.VerifyAsync(staff.Id, server.Code(staff.Secret, steps: 1));
        var current = await server.VerifyAsync(staff.Id, server.Code(staff.Secret));

        Assert.True(first.Succeeded);
        Assert.Equal(ErrorCodes.InvalidCode, twice.FailureCode);
        Assert.True(ahead.Succeeded);
        Assert.Equal(ErrorCodes.InvalidCode, current.FailureCode);
    }

    [Fact]
    public async Task Code_SubmittedTwiceAtOnce_OpensOneSession()
    {
        var staff = await server.EnrolledStaffAsync();
        server.NextStep();
        var code = server.Code(staff.Secret);

        // Task.Run: SQLite's "async" calls complete synchronously, and the submissions must really overlap.
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => server.VerifyAsync(staff.Id, code))));

        Assert.Equal(1, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded),
            r => Assert.Contains(r.FailureCode, new[] { ErrorCodes.InvalidCode, ErrorCodes.UserTemporarilyLocked }));
    }

    [Fact]
    public async Task Code_Success_GivesTheSession_RecordsTheSignIn_AndClearsTheBrake()
    {
        var staff = await server.EnrolledStaffAsync(StaffRole.Administrator);
        server.NextStep();
        var wrong = await server.VerifyAsync(staff.Id, "000000" == server.Code(staff.Secret) ? "111111" : "000000");
        var lockedRightCode = await server.VerifyAsync(staff.Id, server.Code(staff.Secret));
        server.PastTheBrake();
        var password = await server.SignInStaffAsync(staff.Email, staff.Password);
        var failuresAfterPassword = await FailuresAsync(staff.Email);

        var accepted = await server.VerifyAsync(staff.Id, server.Code(staff.Secret));

        Assert.Equal(ErrorCodes.InvalidCode, wrong.FailureCode);
        Assert.Equal(ErrorCodes.UserTemporarilyLocked, lockedRightCode.FailureCode);
        Assert.Equal(StaffNextStep.EnterCode, password.Value.Next);
        Assert.Equal(1, failuresAfterPassword);
        Assert.Equal(new StaffSession(staff.Id, staff.Email, "Agent Test", StaffRole.Administrator, staff.Stamp), accepted.Value.Session);
        Assert.Null(accepted.Value.RecoveryCodesLeft);
        Assert.Equal(0, await FailuresAsync(staff.Email));
        var stored = await server.InDbAsync(db => db.StaffMembers.SingleAsync(s => s.Id == staff.Id));
        Assert.NotNull(stored.LastSignInAt);
        var audit = await server.InDbAsync(db => db.AuditEntries.Where(e => e.Subject == staff.Email).OrderBy(e => e.Id).ToListAsync());
        Assert.Contains(audit, e => e is { Event: AuditEvents.StaffAuthenticationFailed, Detail: "totp code", RemoteAddress: StaffSteps.Address });
        Assert.Contains(audit,
            e => e.Event == AuditEvents.StaffSignedIn && e.Actor == "staff:" + staff.Email && e.RemoteAddress == StaffSteps.Address);
    }

    [Fact]
    public async Task RecoveryCode_WorksOnce_AndIsForgivingAboutCaseAndDash()
    {
        var staff = await server.EnrolledStaffAsync();

        var first = await server.VerifyAsync(staff.Id, staff.RecoveryCodes[0]);
        var reused = await server.VerifyAsync(staff.Id, staff.RecoveryCodes[0]);
        server.PastTheBrake();
        var typedLoosely = await server.VerifyAsync(staff.Id,
            " " + staff.RecoveryCodes[1].Replace("-", " ", StringComparison.Ordinal).ToUpperInvariant());

        Assert.Equal(9, first.Value.RecoveryCodesLeft);
        Assert.Equal(ErrorCodes.InvalidCode, reused.FailureCode);
        Assert.Equal(8, typedLoosely.Value.RecoveryCodesLeft);
        Assert.Equal(8, await server.InDbAsync(db => db.StaffRecoveryCodes.CountAsync(c => c.StaffMemberId == staff.Id)));
        Assert.Equal(2, await server.InDbAsync(db =>
            db.AuditEntries.CountAsync(e => e.Subject == staff.Email && e.Event == AuditEvents.StaffRecoveryCodeUsed)));
    }

    [Fact]
    public async Task RecoveryCode_UsedTwiceAtOnce_OpensOneSession()
    {
        var staff = await server.EnrolledStaffAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => server.VerifyAsync(staff.Id, staff.RecoveryCodes[3]))));

        Assert.Equal(1, results.Count(r => r.Succeeded));
    }

    [Fact]
    public async Task Reset_ClearsTheAuthenticatorAndRecoveryCodes_GivesAOneTimePassword_AndEndsSessions()
    {
        var administrator = await server.EnrolledStaffAsync(StaffRole.Administrator);
        var staff = await server.EnrolledStaffAsync();

        var reset = await server.UseAsync<ResetStaffMember, Result<StaffMemberReset>>(r =>
            r.HandleAsync(staff.Id, StaffActor.Administrator(administrator.Id), StaffSteps.Address, CancellationToken.None));

        var stored = await server.InDbAsync(db => db.StaffMembers.Include(s => s.RecoveryCodes).SingleAsync(s => s.Id == staff.Id));
        Assert.True(stored.MustChangePassword);
        Assert.False(stored.TotpConfirmed);
        Assert.Null(stored.TotpSecretProtected);
        Assert.Null(stored.LastTotpStep);
        Assert.Empty(stored.RecoveryCodes);
        Assert.False(await server.SessionHoldsAsync(staff.Id, staff.Stamp));
        Assert.Equal(ErrorCodes.UserAuthenticationFailed, (await server.SignInStaffAsync(staff.Email, staff.Password)).FailureCode);
        server.PastTheBrake();
        Assert.Equal(StaffNextStep.ChangePassword, (await server.SignInStaffAsync(staff.Email, reset.Value.OneTimePassword)).Value.Next);
        var changed = await server.ChangePasswordAsync(staff.Id, reset.Value.OneTimePassword, "Encore-pass2");
        Assert.Equal(StaffNextStep.EnrolTotp, changed.Value.Next);
        Assert.Equal(ErrorCodes.TotpNotEnrolled, (await server.VerifyAsync(staff.Id, staff.RecoveryCodes[0])).FailureCode);
        var secret = await server.BeginEnrolmentSecretAsync(staff.Id);
        Assert.NotEqual(staff.Secret, secret);
        var audit = await server.InDbAsync(db =>
            db.AuditEntries.SingleAsync(e => e.Subject == staff.Email && e.Event == AuditEvents.StaffMemberReset));
        Assert.Equal(("staff:" + administrator.Email, StaffSteps.Address), (audit.Actor, audit.RemoteAddress));
    }

    [Fact]
    public async Task Stamp_IsRenewedByPasswordChangeEnrolmentAndDisable_AndOnlyTheCurrentOneOfAnEnabledMemberHolds()
    {
        var created = await server.CreateStaffAsync();
        var initial = (await server.SignInStaffAsync(created.Email, created.OneTimePassword)).Value.SecurityStamp;
        var holdsAtFirst = await server.SessionHoldsAsync(created.StaffId, initial);
        var changed = (await server.ChangePasswordAsync(created.StaffId, created.OneTimePassword, StaffSteps.Password)).Value.SecurityStamp;
        var secret = await server.BeginEnrolmentSecretAsync(created.StaffId);
        var enrolled = (await ConfirmAsync(created.StaffId, server.Code(secret))).Value.Session.SecurityStamp;
        var holdsAfterEnrolment = (Initial: await server.SessionHoldsAsync(created.StaffId, initial),
            Changed: await server.SessionHoldsAsync(created.StaffId, changed),
            Enrolled: await server.SessionHoldsAsync(created.StaffId, enrolled));

        await DisableAsync(created.StaffId, StaffActor.Operator);
        var disabledStamp = await server.InDbAsync(db =>
            db.StaffMembers.Where(s => s.Id == created.StaffId).Select(s => s.SecurityStamp).SingleAsync());

        Assert.True(holdsAtFirst);
        Assert.Equal(3, new[] { initial, changed, enrolled }.Distinct().Count());
        Assert.Equal((false, false, true), holdsAfterEnrolment);
        Assert.NotEqual(enrolled, disabledStamp);
        Assert.False(await server.SessionHoldsAsync(created.StaffId, disabledStamp));
        Assert.False(await server.SessionHoldsAsync(Guid.NewGuid(), disabledStamp));
    }

    [Fact]
    public async Task BackOfficeCookieValidator_HoldsForTheCurrentStampOfAnEnabledMemberOnly()
    {
        var staff = await server.EnrolledStaffAsync();

        var current = await IsCurrentAsync(staff.Id, staff.Stamp.ToString());
        var malformed = await IsCurrentAsync(staff.Id, "pas-un-tampon");
        var stranger = await IsCurrentAsync(Guid.NewGuid(), staff.Stamp.ToString());
        await DisableAsync(staff.Id, StaffActor.Operator);
        var disabled = await IsCurrentAsync(staff.Id, staff.Stamp.ToString());

        Assert.Equal((true, false, false, false), (current, malformed, stranger, disabled));
    }

    [Fact]
    public async Task DisabledMember_MidSignIn_CannotFinish_AndIsEnabledAgainWithWhatTheyHad()
    {
        var administrator = await server.EnrolledStaffAsync(StaffRole.Administrator);
        var staff = await server.EnrolledStaffAsync();
        var asAdministrator = StaffActor.Administrator(administrator.Id);
        server.NextStep();

        await DisableAsync(staff.Id, asAdministrator);
        var code = await server.VerifyAsync(staff.Id, server.Code(staff.Secret));
        var twice = await DisableAsync(staff.Id, asAdministrator);
        var enabled = await server.UseAsync<EnableStaffMember, Result<StaffMemberSummary>>(e =>
            e.HandleAsync(staff.Id, asAdministrator, StaffSteps.Address, CancellationToken.None));
        var signIn = await server.SignInStaffAsync(staff.Email, staff.Password);

        Assert.Equal(ErrorCodes.UserAuthenticationFailed, code.FailureCode);
        Assert.Equal(ErrorCodes.TransitionNotAllowed, twice.FailureCode);
        Assert.False(enabled.Value.Disabled);
        Assert.Equal(StaffNextStep.EnterCode, signIn.Value.Next);
    }

    [Fact]
    public async Task AdministratorActions_NeedAnEnabledAdministrator_AndNeverApplyToOneself()
    {
        var administrator = await server.EnrolledStaffAsync(StaffRole.Administrator);
        var agent = await server.CreateStaffAsync();
        var target = await server.CreateStaffAsync();

        var byAgent = await DisableAsync(target.StaffId, StaffActor.Administrator(agent.StaffId));
        var createByAgent = await CreateAsync(new NewStaffMember(StaffSteps.UniqueEmail(), "X", "agent"), StaffActor.Administrator(agent.StaffId));
        var selfDisable = await DisableAsync(administrator.Id, StaffActor.Administrator(administrator.Id));
        var selfReset = await server.UseAsync<ResetStaffMember, Result<StaffMemberReset>>(r =>
            r.HandleAsync(administrator.Id, StaffActor.Administrator(administrator.Id), null, CancellationToken.None));
        var unknown = await DisableAsync(Guid.NewGuid(), StaffActor.Administrator(administrator.Id));
        var createByAdministrator = await CreateAsync(new NewStaffMember(StaffSteps.UniqueEmail(), "Y", "Agent"),
            StaffActor.Administrator(administrator.Id));

        Assert.Equal(ErrorCodes.AccessDenied, byAgent.FailureCode);
        Assert.Equal(ErrorCodes.AccessDenied, createByAgent.FailureCode);
        Assert.Equal(ErrorCodes.OwnStaffAccount, selfDisable.FailureCode);
        Assert.Equal(ErrorCodes.OwnStaffAccount, selfReset.FailureCode);
        Assert.Equal(ErrorCodes.StaffNotFound, unknown.FailureCode);
        Assert.True(createByAdministrator.Succeeded);
        Assert.False(await server.InDbAsync(db => db.StaffMembers.Where(s => s.Id == target.StaffId).Select(s => s.Disabled).SingleAsync()));
        var audit = await server.InDbAsync(db => db.AuditEntries.SingleAsync(e => e.Subject == createByAdministrator.Value.Email));
        Assert.Equal("staff:" + administrator.Email, audit.Actor);
    }

    [Fact]
    public async Task List_ShowsEachMemberWithTheirState()
    {
        var staff = await server.EnrolledStaffAsync();
        var fresh = await server.CreateStaffAsync(StaffRole.Administrator);

        var list = await server.UseAsync<ListStaffMembers, IReadOnlyList<StaffMemberSummary>>(l => l.HandleAsync(CancellationToken.None));

        var enrolled = list.Single(s => s.StaffId == staff.Id);
        Assert.Equal((StaffRole.Agent, true, false, 10, false),
            (enrolled.Role, enrolled.TotpConfirmed, enrolled.MustChangePassword, enrolled.RecoveryCodesLeft, enrolled.Disabled));
        var created = list.Single(s => s.StaffId == fresh.StaffId);
        Assert.Equal((StaffRole.Administrator, false, true, 0),
            (created.Role, created.TotpConfirmed, created.MustChangePassword, created.RecoveryCodesLeft));
    }

    private Task<Result<CreatedStaffMember>> CreateAsync(NewStaffMember request, StaffActor? actor = null) =>
        server.UseAsync<CreateStaffMember, Result<CreatedStaffMember>>(c =>
            c.HandleAsync(request, actor ?? StaffActor.Operator, null, CancellationToken.None));

    private Task<Result<TotpEnrolled>> ConfirmAsync(Guid staffId, string code) =>
        server.UseAsync<ConfirmTotpEnrolment, Result<TotpEnrolled>>(c => c.HandleAsync(staffId, code, StaffSteps.Address, CancellationToken.None));

    private Task<Result<StaffMemberSummary>> DisableAsync(Guid staffId, StaffActor actor) =>
        server.UseAsync<DisableStaffMember, Result<StaffMemberSummary>>(d =>
            d.HandleAsync(staffId, actor, StaffSteps.Address, CancellationToken.None));

    private Task<bool> IsCurrentAsync(Guid staffId, string stamp) =>
        server.UseAsync<IStaffSessionValidator, bool>(v => v.IsCurrentAsync(staffId, stamp, CancellationToken.None));

    private Task<int> FailuresAsync(string email) =>
        server.InDbAsync(db => db.LoginThrottles.Where(t => t.Login == LoginThrottle.StaffKey(email)).Select(t => t.Failures).SingleOrDefaultAsync());
}

public sealed class StaffUseCaseTestsOnSqlite(SqliteServerFixture server) : StaffUseCaseTests(server), IClassFixture<SqliteServerFixture>;

public sealed class StaffUseCaseTestsOnPostgres(PostgresServerFixture server) : StaffUseCaseTests(server), IClassFixture<PostgresServerFixture>;
