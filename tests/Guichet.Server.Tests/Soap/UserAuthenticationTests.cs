using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Guichet.Domain.Common;
using Guichet.Domain.Security;
using Guichet.Server.Soap.Contract;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

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
        var failures = await server.InDbAsync(db => db.LoginThrottles.Where(t => t.Login == primary.Login).Select(t => t.Failures).SingleAsync());
        Assert.Equal(1, failures);
    }

    [Fact]
    public async Task FailureAfterManyFailures_WaitIsCappedAtThirtyMinutes()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        await server.InDbAsync(db =>
        {
            db.LoginThrottles.Add(new LoginThrottle { Login = primary.Login, Failures = 200, BlockedUntil = server.Clock.GetUtcNow().AddMinutes(-1) });
            return db.SaveChangesAsync();
        });

        var fault = await Faults.CatchAsync(() => tenant.As(primary.Login, "Wrong-Pass1").GetAccountStateAsync(primary.Login));

        Assert.Equal(ErrorCodes.UserAuthenticationFailed, fault.Code);
        Assert.Contains("dans 1800 secondes", fault.Message, StringComparison.Ordinal);
        var throttle = await server.InDbAsync(db => db.LoginThrottles.AsNoTracking().SingleAsync(t => t.Login == primary.Login));
        Assert.Equal(201, throttle.Failures);
        var wait = throttle.BlockedUntil!.Value - server.Clock.GetUtcNow();
        Assert.InRange(wait, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task UnknownLogin_IsThrottledLikeAKnownOne()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var unknown = "nobody" + Guid.NewGuid().ToString("N")[..10];

        var known = await Faults.CatchAsync(() => tenant.As(primary.Login, "Wrong-Pass1").GetAccountStateAsync(primary.Login));
        var stranger = await Faults.CatchAsync(() => tenant.As(unknown, "Wrong-Pass1").GetAccountStateAsync(unknown));
        var retry = await Faults.CatchAsync(() => tenant.As(unknown, "Wrong-Pass1").GetAccountStateAsync(unknown));

        Assert.Equal(known.Code, stranger.Code);
        Assert.Equal(Digits().Replace(known.Message, "0"), Digits().Replace(stranger.Message, "0"));
        Assert.Empty(stranger.Errors);
        Assert.Equal(ErrorCodes.UserTemporarilyLocked, retry.Code);
        Assert.Equal(1, await server.InDbAsync(db => db.LoginThrottles.Where(t => t.Login == unknown).Select(t => t.Failures).SingleAsync()));
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

        var entry = await server.InDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Event == "auth.user_failed" && a.Subject == primary.Login));
        Assert.Equal(tenant.Credentials.WhiteLabel.Id, entry.WhiteLabelId);
        Assert.NotNull(entry.RemoteAddress);
        var address = IPAddress.Parse(entry.RemoteAddress);
        Assert.True(IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address), entry.RemoteAddress);
        Assert.DoesNotContain("Wrong-Pass1", entry.Detail ?? string.Empty, StringComparison.Ordinal);
    }

    [GeneratedRegex("réessayez dans [0-9]+ secondes", RegexOptions.CultureInvariant)]
    private static partial Regex WaitInSeconds();

    [GeneratedRegex("[0-9]", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();
}

public sealed class UserAuthenticationTestsOnSqlite(SqliteServerFixture server) : UserAuthenticationTests(server), IClassFixture<SqliteServerFixture>;

public sealed class UserAuthenticationTestsOnPostgres(PostgresServerFixture server) : UserAuthenticationTests(server), IClassFixture<PostgresServerFixture>;

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
        Assert.True(await server.InDbAsync(db => db.LoginThrottles.AnyAsync(t => t.Login == primary.Login)));

        server.Clock.Advance(TimeSpan.FromSeconds(31));
        var state = await As(tenant, primary.Login, primary.Password).GetAccountStateAsync(primary.Login);

        Assert.Equal(AccountState.WAIT_FOR_FILES, state.State);
        Assert.False(await server.InDbAsync(db => db.LoginThrottles.AnyAsync(t => t.Login == primary.Login)));
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
        var throttle = await server.InDbAsync(db => db.LoginThrottles.AsNoTracking().SingleAsync(t => t.Login == primary.Login));
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
