using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Guichet.Application.Accounts;
using Guichet.Application.People;
using Guichet.Application.Security;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.Security;
using Guichet.Server.Soap.Contract;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Server.Tests.Soap;

/// <summary>Second level of authentication: the account's context header and its brute-force brake, on both providers.</summary>
public abstract partial class UserAuthenticationTests(GuichetServer server)
{
    [Fact]
    public async Task WrongPassword_FaultsUserAuthenticationFailedWithWait()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();

        var fault = await Faults.CatchAsync(() => tenant.As(primary.Login, "Wrong-Pass1").GetAccountStateAsync(primary.Login));

        Assert.Equal(ErrorCodes.UserAuthenticationFailed, fault.Code);
        Assert.Contains("dans 30 secondes", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetryDuringWaitWithRightPassword_FaultsUserTemporarilyLocked()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        await Faults.CatchAsync(() => tenant.As(primary.Login, "Wrong-Pass1").GetAccountStateAsync(primary.Login));

        var fault = await Faults.CatchAsync(() => tenant.As(primary.Login, primary.Password).GetAccountStateAsync(primary.Login));

        Assert.Equal(ErrorCodes.UserTemporarilyLocked, fault.Code);
        Assert.Matches(WaitInSeconds(), fault.Message);
        var failures = await server.InDbAsync(db =>
            db.LoginThrottles.Where(t => t.Login == tenant.ThrottleKey(primary.Login)).Select(t => t.Failures).SingleAsync());
        Assert.Equal(1, failures);
    }

    [Fact]
    public async Task FailureAfterManyFailures_WaitIsCappedAtThirtyMinutes()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        await server.InDbAsync(db =>
        {
            db.LoginThrottles.Add(new LoginThrottle
            {
                Login = tenant.ThrottleKey(primary.Login),
                Failures = 200,
                BlockedUntil = server.Clock.GetUtcNow().AddMinutes(-1),
            });
            return db.SaveChangesAsync();
        });

        var fault = await Faults.CatchAsync(() => tenant.As(primary.Login, "Wrong-Pass1").GetAccountStateAsync(primary.Login));

        Assert.Equal(ErrorCodes.UserAuthenticationFailed, fault.Code);
        Assert.Contains("dans 1800 secondes", fault.Message, StringComparison.Ordinal);
        var throttle = await server.InDbAsync(db => db.LoginThrottles.AsNoTracking().SingleAsync(t => t.Login == tenant.ThrottleKey(primary.Login)));
        Assert.Equal(201, throttle.Failures);
        var wait = throttle.BlockedUntil!.Value - server.Clock.GetUtcNow();
        Assert.InRange(wait, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task UnknownLogin_IsThrottledLikeAKnownOne()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var unknown = "nobody" + Guid.NewGuid().ToString("N")[..8];

        var known = await Faults.CatchAsync(() => tenant.As(primary.Login, "Wrong-Pass1").GetAccountStateAsync(primary.Login));
        var stranger = await Faults.CatchAsync(() => tenant.As(unknown, "Wrong-Pass1").GetAccountStateAsync(unknown));
        var retry = await Faults.CatchAsync(() => tenant.As(unknown, "Wrong-Pass1").GetAccountStateAsync(unknown));

        Assert.Equal(known.Code, stranger.Code);
        Assert.Equal(Digits().Replace(known.Message, "0"), Digits().Replace(stranger.Message, "0"));
        Assert.Empty(stranger.Errors);
        Assert.Equal(ErrorCodes.UserTemporarilyLocked, retry.Code);
        Assert.Equal(1, await server.InDbAsync(db =>
            db.LoginThrottles.Where(t => t.Login == tenant.ThrottleKey(unknown)).Select(t => t.Failures).SingleAsync()));
    }

    [Fact]
    public async Task LoginOfAnotherWhiteLabel_FaultsLikeAnUnknownLogin()
    {
        var tenant = await Tenant.CreateAsync(server);
        var other = await Tenant.CreateAsync(server);
        var primary = await other.RegisterPrimaryAsync();

        var fault = await Faults.CatchAsync(() => tenant.As(primary.Login, primary.Password).GetAccountStateAsync(primary.Login));

        Assert.Equal(ErrorCodes.UserAuthenticationFailed, fault.Code);
    }

    [Fact]
    public async Task MissingContextHeader_FaultsUserAuthenticationFailed()
    {
        var tenant = await Tenant.CreateAsync(server);

        var fault = await Faults.CatchAsync(() => tenant.Anonymous.GetAccountStateAsync(tenant.AdminLogin));

        Assert.Equal(ErrorCodes.UserAuthenticationFailed, fault.Code);
    }

    [Fact]
    public async Task WrongPassword_AuditsUserFailureWithRemoteAddress()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();

        await Faults.CatchAsync(() => tenant.As(primary.Login, "Wrong-Pass1").GetAccountStateAsync(primary.Login));

        var entry = await server.InDbAsync(db =>
            db.AuditEntries.AsNoTracking().SingleAsync(a => a.Event == "auth.user_failed" && a.Subject == primary.Login));
        Assert.Equal(tenant.Credentials.WhiteLabel.Id, entry.WhiteLabelId);
        Assert.NotNull(entry.RemoteAddress);
        var address = IPAddress.Parse(entry.RemoteAddress);
        Assert.True(IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address), entry.RemoteAddress);
        Assert.DoesNotContain("Wrong-Pass1", entry.Detail ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailuresSentByAnotherWhiteLabel_DoNotLockTheLogin()
    {
        var tenant = await Tenant.CreateAsync(server);
        var intruder = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();

        var failed = await Faults.CatchAsync(() => intruder.As(primary.Login, "Wrong-Pass1").GetAccountStateAsync(primary.Login));
        var state = await tenant.As(primary.Login, primary.Password).GetAccountStateAsync(primary.Login);

        Assert.Equal(ErrorCodes.UserAuthenticationFailed, failed.Code);
        Assert.Equal(AccountState.WAIT_FOR_FILES, state.State);
        Assert.Equal(1, await server.InDbAsync(db =>
            db.LoginThrottles.Where(t => t.Login == intruder.ThrottleKey(primary.Login)).Select(t => t.Failures).SingleAsync()));
    }

    [Fact]
    public async Task EmailAsSoapLogin_IsRefusedWithoutRecordingAndNeverLocksThePortalPerson()
    {
        var tenant = await Tenant.CreateAsync(server);
        var email = PortalSteps.UniqueEmail();
        await server.ConfirmedPersonAsync(email, "Motdepasse1!");

        var fault = await Faults.CatchAsync(() => tenant.As(email, "Wrong-Pass1").GetAccountStateAsync(email));
        var signIn = await server.UseAsync<SignIn, Result<SignedIn>>(s => s.HandleAsync(email, "Motdepasse1!", null, null, CancellationToken.None));

        Assert.Equal(ErrorCodes.UserAuthenticationFailed, fault.Code);
        Assert.True(signIn.Succeeded, signIn.FailureCode);
        Assert.False(await server.InDbAsync(db => db.LoginThrottles.AnyAsync(t => t.Login.Contains(email))));
        Assert.False(await server.InDbAsync(db =>
            db.AuditEntries.AnyAsync(a => a.Event == AuditEvents.UserAuthenticationFailed && a.Subject == email)));
    }

    [Theory]
    [InlineData("sixteen-chars-xy")]
    [InlineData("a.b.c")]
    [InlineData("nom avec blanc")]
    public async Task LoginThatCannotBeOne_IsRefusedWithoutRecordingAnything(string login)
    {
        var tenant = await Tenant.CreateAsync(server);
        var whiteLabelId = tenant.Credentials.WhiteLabel.Id;
        var prefix = LoginThrottle.SoapKey(whiteLabelId, string.Empty);

        var fault = await Faults.CatchAsync(() => tenant.As(login, "Wrong-Pass1").GetAccountStateAsync(login));

        Assert.Equal(ErrorCodes.UserAuthenticationFailed, fault.Code);
        Assert.False(await server.InDbAsync(db => db.LoginThrottles.AnyAsync(t => t.Login.StartsWith(prefix))));
        Assert.False(await server.InDbAsync(db =>
            db.AuditEntries.AnyAsync(a => a.WhiteLabelId == whiteLabelId && a.Event == AuditEvents.UserAuthenticationFailed)));
    }

    [Fact]
    public async Task SixteenParallelWrongPasswords_CountSixteenFailures()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var whiteLabelId = tenant.Credentials.WhiteLabel.Id;
        // The sixteen attempts meet inside the password check: all of them passed the brake's check before any failure
        // is recorded, and then race on its row.
        using var gate = new CountdownEvent(16);
        using var hashing = new MeetingPasswordHashing(gate);
        ThreadPool.GetMinThreads(out var workers, out var completions);
        ThreadPool.SetMinThreads(Math.Max(workers, 40), completions);
        Result<Caller>[] results;
        try
        {
            results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => server.InScopeAsync(async services =>
            {
                var whiteLabel = await services.GetRequiredService<GuichetDbContext>().WhiteLabels.AsNoTracking()
                    .SingleAsync(w => w.Id == whiteLabelId);
                var authenticator = ActivatorUtilities.CreateInstance<UserAuthenticator>(services, hashing);
                return await authenticator.AuthenticateAsync(whiteLabel, primary.Login, "Wrong-Pass1", false, null, CancellationToken.None);
            }))));
        }
        finally
        {
            ThreadPool.SetMinThreads(workers, completions);
        }

        Assert.All(results, result => Assert.Equal(ErrorCodes.UserAuthenticationFailed, result.FailureCode));
        var throttle = await server.InDbAsync(db => db.LoginThrottles.AsNoTracking().SingleAsync(t => t.Login == tenant.ThrottleKey(primary.Login)));
        Assert.Equal(16, throttle.Failures);
        // The wait follows the count: 16 × 30 s.
        Assert.InRange(throttle.BlockedUntil!.Value - server.Clock.GetUtcNow(), TimeSpan.FromSeconds(16 * 30) - TimeSpan.FromSeconds(60),
            TimeSpan.FromSeconds(16 * 30));
        var audited = await server.InDbAsync(db =>
            db.AuditEntries.CountAsync(a => a.Event == AuditEvents.UserAuthenticationFailed && a.Subject == primary.Login));
        Assert.Equal(16, audited);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SuccessfulLogin_ClearsTheBrakeWithoutTouchingTheCallersUnitOfWork(bool writesOwnRow)
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var key = tenant.ThrottleKey(primary.Login);
        await server.InDbAsync(db =>
        {
            db.LoginThrottles.Add(new LoginThrottle { Login = key, Failures = 3, BlockedUntil = server.Clock.GetUtcNow().AddMinutes(-1) });
            return db.SaveChangesAsync();
        });

        var (pending, ownRow, tracked) = await server.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<GuichetDbContext>();
            var whiteLabel = await db.WhiteLabels.AsNoTracking().SingleAsync(w => w.Id == tenant.Credentials.WhiteLabel.Id);
            var entry = db.AuditEntries.Add(new AuditEntry { Actor = "test", Event = "test.pending", At = server.Clock.GetUtcNow() });
            var result = await services.GetRequiredService<UserAuthenticator>()
                .AuthenticateAsync(whiteLabel, primary.Login, primary.Password, writesOwnRow, null, CancellationToken.None);
            Assert.True(result.Succeeded, result.FailureCode);
            return (entry.State, result.Value.OwnRow is { } row ? db.Entry(row).State : (EntityState?)null,
                db.ChangeTracker.Entries<Domain.Accounts.Account>().Count());
        });

        Assert.Equal(EntityState.Added, pending);
        // Only an operation that changes the caller's own row has it read whole and tracked.
        Assert.Equal(writesOwnRow ? EntityState.Unchanged : null, ownRow);
        Assert.Equal(writesOwnRow ? 1 : 0, tracked);
        Assert.False(await server.InDbAsync(db => db.LoginThrottles.AnyAsync(t => t.Login == key)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task LockedLogin_IsRefusedWithItsWaitWhicheverRowTheCallReads(bool writesOwnRow)
    {
        // The brake's row is read with the credentials (or with the whole row an own-account change reads).
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var key = tenant.ThrottleKey(primary.Login);
        await server.InDbAsync(db =>
        {
            db.LoginThrottles.Add(new LoginThrottle { Login = key, Failures = 2, BlockedUntil = server.Clock.GetUtcNow().AddMinutes(5) });
            return db.SaveChangesAsync();
        });

        var result = await server.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<GuichetDbContext>();
            var whiteLabel = await db.WhiteLabels.AsNoTracking().SingleAsync(w => w.Id == tenant.Credentials.WhiteLabel.Id);
            return await services.GetRequiredService<UserAuthenticator>()
                .AuthenticateAsync(whiteLabel, primary.Login, primary.Password, writesOwnRow, null, CancellationToken.None);
        });

        Assert.Equal(ErrorCodes.UserTemporarilyLocked, result.FailureCode);
        var wait = int.Parse(WaitInSeconds().Match(result.Errors[0].Message).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(wait, 290, 300);
        var throttle = await server.InDbAsync(db => db.LoginThrottles.AsNoTracking().SingleAsync(t => t.Login == key));
        Assert.Equal(2, throttle.Failures);
    }

    [Fact]
    public async Task CallerRowsReadWithTheWhiteLabel_CarryTheBrake_OnceTheWhiteLabelIsKnown()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var until = server.Clock.GetUtcNow().AddMinutes(5);
        await server.InDbAsync(db =>
        {
            db.LoginThrottles.Add(new LoginThrottle { Login = tenant.ThrottleKey(primary.Login), Failures = 2, BlockedUntil = until });
            return db.SaveChangesAsync();
        });

        // The registration taught this server the white label's id: its username now reads the caller's rows too.
        var (whiteLabel, caller) = await ReadCallerAsync(tenant.Credentials.WsseUsername, primary.Login.ToUpperInvariant());

        Assert.Equal(tenant.Credentials.WhiteLabel.Id, whiteLabel?.Id);
        Assert.NotNull(caller);
        Assert.Equal(primary.Login, caller.Login);
        Assert.Equal(primary.Login, caller.Credentials?.Facts.Login);
        Assert.Equal(2, caller.Failures);
        Assert.Equal(until.UtcTicks / TimeSpan.TicksPerMillisecond, caller.BlockedUntil?.UtcTicks / TimeSpan.TicksPerMillisecond);
    }

    [Fact]
    public async Task CallerRowsReadWithTheWhiteLabel_AreNeverAnotherWhiteLabels_WhenItsUsernameMoved()
    {
        var first = await Tenant.CreateAsync(server);
        var second = await Tenant.CreateAsync(server);
        var primary = await second.RegisterPrimaryAsync();
        var username = first.Credentials.WsseUsername;
        await ReadCallerAsync(username, primary.Login);
        // The first white label's username now names the second: the id this server remembers for it is stale.
        await server.InDbAsync(async db =>
        {
            await db.WhiteLabels.Where(w => w.Id == first.Credentials.WhiteLabel.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(w => w.WsseUsername, username + "-old"));
            return await db.WhiteLabels.Where(w => w.Id == second.Credentials.WhiteLabel.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(w => w.WsseUsername, username));
        });

        var (whiteLabel, caller) = await ReadCallerAsync(username, primary.Login);
        var (again, callerAgain) = await ReadCallerAsync(username, primary.Login);

        Assert.Equal(second.Credentials.WhiteLabel.Id, whiteLabel?.Id);
        // Not a brake read under the first white label's key: nothing of the caller until the id is known again.
        Assert.Null(caller);
        Assert.Equal(second.Credentials.WhiteLabel.Id, again?.Id);
        Assert.Equal(second.Credentials.WhiteLabel.Id, callerAgain?.WhiteLabelId);
        Assert.Equal(primary.Login, callerAgain?.Credentials?.Facts.Login);
    }

    private Task<(Domain.WhiteLabels.WhiteLabel? WhiteLabel, CallerRead? Caller)> ReadCallerAsync(string username, string login) =>
        server.InScopeAsync(services =>
            services.GetRequiredService<SoapCallerReader>().ReadAsync(username, login, names: null, CancellationToken.None));

    [GeneratedRegex("réessayez dans ([0-9]+) secondes", RegexOptions.CultureInvariant)]
    private static partial Regex WaitInSeconds();

    [GeneratedRegex("[0-9]", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();
}

public sealed class UserAuthenticationTestsOnSqlite(SqliteServerFixture server) : UserAuthenticationTests(server), IClassFixture<SqliteServerFixture>;

public sealed class UserAuthenticationTestsOnPostgres(PostgresServerFixture server)
    : UserAuthenticationTests(server), IClassFixture<PostgresServerFixture>;

/// <summary>A server of its own for the throttle tests: they advance its clock, which would age other tests' tokens.</summary>
public sealed class ThrottleServerFixture() : GuichetServer(DatabaseProvider.Sqlite);

/// <summary>The brute-force brake over time (SQLite only). Tokens are stamped with the server's advanced clock.</summary>
public sealed class UserThrottleTests(ThrottleServerFixture server) : IClassFixture<ThrottleServerFixture>
{
    [Fact]
    public async Task AfterTheWait_RightPasswordWorksAndResetsThrottle()
    {
        var (tenant, primary) = await RegisterAsync();
        await Faults.CatchAsync(() => As(tenant, primary.Login, "Wrong-Pass1").GetAccountStateAsync(primary.Login));
        Assert.True(await server.InDbAsync(db => db.LoginThrottles.AnyAsync(t => t.Login == tenant.ThrottleKey(primary.Login))));

        server.Clock.Advance(TimeSpan.FromSeconds(31));
        var state = await As(tenant, primary.Login, primary.Password).GetAccountStateAsync(primary.Login);

        Assert.Equal(AccountState.WAIT_FOR_FILES, state.State);
        Assert.False(await server.InDbAsync(db => db.LoginThrottles.AnyAsync(t => t.Login == tenant.ThrottleKey(primary.Login))));
    }

    [Fact]
    public async Task SecondFailure_WaitsSixtySeconds()
    {
        var (tenant, primary) = await RegisterAsync();
        await Faults.CatchAsync(() => As(tenant, primary.Login, "Wrong-Pass1").GetAccountStateAsync(primary.Login));
        server.Clock.Advance(TimeSpan.FromSeconds(31));

        var fault = await Faults.CatchAsync(() => As(tenant, primary.Login, "Wrong-Pass1").GetAccountStateAsync(primary.Login));

        Assert.Equal(ErrorCodes.UserAuthenticationFailed, fault.Code);
        Assert.Contains("dans 60 secondes", fault.Message, StringComparison.Ordinal);
        var throttle = await server.InDbAsync(db => db.LoginThrottles.AsNoTracking().SingleAsync(t => t.Login == tenant.ThrottleKey(primary.Login)));
        Assert.Equal(2, throttle.Failures);
        Assert.InRange(throttle.BlockedUntil!.Value - server.Clock.GetUtcNow(), TimeSpan.FromSeconds(55), TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task SuccessAfterTwoFailures_NextFailureWaitsThirtySecondsAgain()
    {
        var (tenant, primary) = await RegisterAsync();
        await Faults.CatchAsync(() => As(tenant, primary.Login, "Wrong-Pass1").GetAccountStateAsync(primary.Login));
        server.Clock.Advance(TimeSpan.FromSeconds(31));
        await Faults.CatchAsync(() => As(tenant, primary.Login, "Wrong-Pass1").GetAccountStateAsync(primary.Login));
        server.Clock.Advance(TimeSpan.FromSeconds(61));
        await As(tenant, primary.Login, primary.Password).GetAccountStateAsync(primary.Login);

        var fault = await Faults.CatchAsync(() => As(tenant, primary.Login, "Wrong-Pass1").GetAccountStateAsync(primary.Login));

        Assert.Contains("dans 30 secondes", fault.Message, StringComparison.Ordinal);
    }

    private async Task<(Tenant Tenant, RegistrationResult Primary)> RegisterAsync()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.As(Fresh(tenant.WhiteLabelOnly)).RegisterPrimaryAccountAsync(SampleFiles.Primary());
        return (tenant, primary);
    }

    private IRegisteringService As(Tenant tenant, string login, string password) =>
        tenant.As(Fresh(tenant.WhiteLabelOnly.As(login, password)));

    /// <summary>Created from the server's clock, so that advancing it never ages the token.</summary>
    private SoapIdentity Fresh(SoapIdentity identity) =>
        identity with { TokenOverride = () => (RandomNumberGenerator.GetBytes(16), RegisteringClient.Created(server.Clock.GetUtcNow())) };
}
