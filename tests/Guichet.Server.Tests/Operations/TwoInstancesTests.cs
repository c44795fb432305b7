using System.Net;
using System.Security.Cryptography;
using Guichet.Application.Enrolment;
using Guichet.Application.Security;
using Guichet.Application.WhiteLabels;
using Guichet.Domain.Accounts;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.Enrolment;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.RegistrationFiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wire = Guichet.Server.Soap.Contract;

namespace Guichet.Server.Tests.Operations;

/// <summary>
/// Two instances on one PostgreSQL database, as behind a load balancer: two real servers sharing nothing but the
/// connection string and the certificate of their key ring (the keys are in the database). Each has its own folder,
/// clock, memory (verified-password cache, key ring cache) and enrolment and mail workers. What one does, the other
/// honours at once.
/// </summary>
public sealed class TwoInstancesTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    private readonly GuichetServer _a = instances.First;
    private readonly GuichetServer _b = instances.Second;

    [Fact]
    public async Task WhatOneEncrypts_TheOtherReads_ASecret_AndASessionCookie()
    {
        var tenant = await Tenant.CreateAsync(_a); // its WSSE secret encrypted by A
        var person = await WebVisitor.CreatePersonAsync(_a);
        using var onA = new WebVisitor(_a);
        await onA.SignInToPortalAsync(person.Email);
        using var onB = new WebVisitor(_b);
        foreach (var cookie in onA.Cookies.GetAllCookies().Cast<Cookie>())
        {
            onB.SetCookie(cookie.Name, cookie.Value, cookie.Path);
        }

        var registered = await RegisteringClient.Create(_b.RegisteringEndpoint, tenant.WhiteLabelOnly)
            .RegisterPrimaryAccountAsync(SampleFiles.Primary());
        var sealedByA = _a.Services.GetRequiredService<SecretProtector>().Protect("secret de marque blanche");
        using var account = await onB.GetAsync("/compte");

        Assert.Equal(Wire.AccountState.WAIT_FOR_FILES, registered.State);
        Assert.Equal("secret de marque blanche", _b.Services.GetRequiredService<SecretProtector>().Unprotect(sealedByA));
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.Contains($"value=\"{person.Email}\" readonly", await WebVisitor.TextOfAsync(account), StringComparison.Ordinal);
        var keys = await _b.InDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        Assert.All(keys, KeyRingAssert.Encrypted);
    }

    [Fact]
    public async Task NonceUsedOnOne_IsRefusedByTheOther()
    {
        var tenant = await Tenant.CreateAsync(_a);
        var primary = await tenant.RegisterPrimaryAsync();
        var nonce = RandomNumberGenerator.GetBytes(16);
        var created = RegisteringClient.Created(DateTimeOffset.UtcNow);
        var identity = tenant.WhiteLabelOnly.As(primary.Login, primary.Password) with { TokenOverride = () => (nonce, created) };

        var first = await RegisteringClient.Create(_a.RegisteringEndpoint, identity).GetAccountStateAsync(primary.Login);
        var replay = await Faults.CatchAsync(() => RegisteringClient.Create(_b.RegisteringEndpoint, identity).GetAccountStateAsync(primary.Login));

        Assert.Equal(Wire.AccountState.WAIT_FOR_FILES, first.State);
        Assert.Equal(ErrorCodes.NonceReplayed, replay.Code);
    }

    [Fact]
    public async Task SoapPasswordChangedThroughOne_TheOtherRefusesTheOldOneAtOnce_ThoughItRememberedItAsVerified()
    {
        var tenant = await Tenant.CreateAsync(_a);
        var primary = await tenant.RegisteredPrimaryAsync();
        var onB = (string password) => RegisteringClient.Create(_b.RegisteringEndpoint, tenant.WhiteLabelOnly.As(primary.Login, password));
        // B verifies the current password once: its cache now remembers it for minutes.
        Assert.Equal(Wire.AccountState.REGISTERED, (await onB(primary.Password).GetAccountStateAsync(primary.Login)).State);

        await tenant.As(primary.Login, primary.Password)
            .ModifyPrimaryAccountAsync(new Wire.PrimaryAccountData { AccountName = primary.Login, Password = "Nouveau-Pass9" });

        var withNew = await onB("Nouveau-Pass9").GetAccountStateAsync(primary.Login);
        var withOld = await Faults.CatchAsync(() => onB(primary.Password).GetAccountStateAsync(primary.Login));
        Assert.Equal(Wire.AccountState.REGISTERED, withNew.State);
        Assert.Equal(ErrorCodes.UserAuthenticationFailed, withOld.Code);
    }

    [Fact]
    public async Task PersonsPasswordChangedThroughOne_EndsTheirSessionOnTheOther_WhichRefusesTheOldPassword()
    {
        const string NewPassword = "Nouveau-pass3!";
        var person = await WebVisitor.CreatePersonAsync(_a);
        using var sessionOnB = new WebVisitor(_b);
        await sessionOnB.SignInToPortalAsync(person.Email);
        using var before = await sessionOnB.GetAsync("/compte");
        using var onA = new WebVisitor(_a);
        await onA.SignInToPortalAsync(person.Email);

        using var changed = await onA.SubmitAsync("/compte/mot-de-passe", "/compte/mot-de-passe", ("CurrentPassword", WebVisitor.Password),
            ("Password", NewPassword), ("PasswordConfirmation", NewPassword));

        using var after = await sessionOnB.GetAsync("/compte");
        using var withNew = new WebVisitor(_b);
        await withNew.SignInToPortalAsync(person.Email, NewPassword);
        using var withOld = new WebVisitor(_b);
        using var refused = await withOld.SubmitAsync("/connexion", "/connexion", ("Email", person.Email), ("Password", WebVisitor.Password));
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal("/compte", WebVisitor.RedirectPath(changed));
        Assert.Equal("/connexion", WebVisitor.RedirectPath(after));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Adresse électronique ou mot de passe incorrect.", await WebVisitor.TextOfAsync(refused), StringComparison.Ordinal);
        Assert.DoesNotContain(withOld.Cookies.GetAllCookies(), c => c.Name == "guichet.portal");
    }

    [Fact]
    public async Task FilesQueuedForEnrolment_AreEnrolledExactlyOnce_WhileBothInstancesEnrol()
    {
        var files = new TestFiles(_a);
        var whiteLabel = await files.WhiteLabelAsync();
        var accounts = new List<Account>();
        for (var i = 0; i < 40; i++)
        {
            accounts.Add(await files.AddAsync(whiteLabel, state: AccountState.REGISTRATION_IN_PROGRESS));
        }

        // Queued in one transaction, as ENROLL queues them; then both instances' workers, and a runner more on each, race.
        await _a.InDbAsync(db =>
        {
            db.EnrolmentJobs.AddRange(accounts.Select(a => new EnrolmentJob { AccountId = a.Id, EnqueuedAt = DateTimeOffset.UtcNow }));
            return db.SaveChangesAsync();
        });
        _a.Services.GetRequiredService<EnrolmentSignal>().Notify();
        _b.Services.GetRequiredService<EnrolmentSignal>().Notify();
        await Task.WhenAll(new[] { _a, _b, _a, _b }.Select(server =>
            server.InScopeAsync(services => services.GetRequiredService<EnrolAccounts>().HandleAsync(CancellationToken.None))));
        var ids = accounts.Select(a => a.Id).ToList();
        await WaitUntilAsync(() => _a.InDbAsync(db => db.EnrolmentJobs.AnyAsync(j => ids.Contains(j.AccountId))), expected: false);

        var logins = accounts.Select(a => a.Login).ToList();
        var states = await _b.InDbAsync(db => db.Accounts.Where(a => ids.Contains(a.Id)).Select(a => a.State).ToListAsync());
        var completions = await _b.InDbAsync(db => db.AuditEntries
            .Where(e => e.WhiteLabelId == whiteLabel && e.Event == AuditEvents.AccountStateChanged && e.ToValue == nameof(AccountState.REGISTERED))
            .GroupBy(e => e.Subject).Select(g => new { Login = g.Key, Count = g.Count() }).ToListAsync());
        Assert.All(states, state => Assert.Equal(AccountState.REGISTERED, state));
        Assert.Equal(logins.Order(StringComparer.Ordinal), completions.Select(c => c.Login!).Order(StringComparer.Ordinal));
        Assert.All(completions, c => Assert.Equal(1, c.Count));
    }

    [Fact]
    public async Task WsseSecretRotatedOnOne_TheOtherTakesTheNewOne_AndTheOldOneOnlyDuringTheGrace()
    {
        var tenant = await Tenant.CreateAsync(_a);
        var primary = await tenant.RegisterPrimaryAsync();
        var oldSecret = tenant.Credentials.WsseSecret;
        // B reads the white label (and decrypts its secret) before the rotation.
        Assert.Equal(primary.Login, (await OnB(oldSecret).GetAccountStateAsync(primary.Login)).Login);

        var rotated = await _a.InScopeAsync(services => services.GetRequiredService<RotateWhiteLabelSecret>()
            .HandleAsync(tenant.Credentials.WhiteLabel.Code, WhiteLabelSecretKind.Wsse, 1, "test", null, CancellationToken.None));
        Assert.True(rotated.Succeeded);
        try
        {
            var newDuringGrace = await OnB(rotated.Value.Secret).GetAccountStateAsync(primary.Login);
            var oldDuringGrace = await OnB(oldSecret).GetAccountStateAsync(primary.Login);
            _b.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
            var oldAfterGrace = await Faults.CatchAsync(() => OnB(oldSecret).GetAccountStateAsync(primary.Login));
            var newAfterGrace = await OnB(rotated.Value.Secret).GetAccountStateAsync(primary.Login);

            Assert.Equal(primary.Login, newDuringGrace.Login);
            Assert.Equal(primary.Login, oldDuringGrace.Login);
            Assert.Equal(ErrorCodes.WhiteLabelAuthenticationFailed, oldAfterGrace.Code);
            Assert.Equal(primary.Login, newAfterGrace.Login);
            Assert.Equal(1, await _a.InDbAsync(db => db.AuditEntries.CountAsync(e =>
                e.WhiteLabelId == tenant.Credentials.WhiteLabel.Id && e.Event == AuditEvents.WhiteLabelPreviousSecretUsed)));
        }
        finally
        {
            _b.Clock.Reset();
        }

        // A fresh token by B's clock, which a test may have moved.
        Wire.IRegisteringService OnB(string secret) => RegisteringClient.Create(_b.RegisteringEndpoint,
            new SoapIdentity(tenant.Credentials.WsseUsername, secret, tenant.AdminLogin, tenant.AdminPassword)
            {
                TokenOverride = () => (RandomNumberGenerator.GetBytes(16), RegisteringClient.Created(_b.Clock.GetUtcNow())),
            });
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> probe, bool expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await probe() != expected)
        {
            Assert.True(DateTime.UtcNow < deadline, "The enrolment jobs were not all done within 30 seconds.");
            await Task.Delay(100);
        }
    }
}

/// <summary>The two instances of <see cref="TwoInstancesTests"/>: B on A's database, with the same certificate, nothing else.</summary>
public sealed class TwoInstances : IDisposable
{
    private readonly TestCertificate _certificate = new();

    public TwoInstances()
    {
        First = new GuichetServer(DatabaseProvider.PostgreSql, _certificate);
        Second = new GuichetServer(DatabaseProvider.PostgreSql, _certificate, First.ConnectionString);
    }

    public GuichetServer First { get; }

    public GuichetServer Second { get; }

    public void Dispose()
    {
        Second.Dispose();
        First.Dispose();
        _certificate.Dispose();
    }
}
