using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Guichet.Domain.Common;
using Guichet.Server.Tests.Infrastructure;
using Wire = Guichet.Server.Soap.Contract;

namespace Guichet.Server.Tests.Soap;

/// <summary>SSO passwords (seed 004 §1.3.3), minted here independently of the server's code, on both providers.</summary>
public abstract class SsoTests(GuichetServer server)
{
    [Fact]
    public async Task TokenMintedNow_Works()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();

        var state = await tenant.As(primary.Login, Mint(tenant.Credentials.SsoKey!, primary.Login, DateTimeOffset.UtcNow)).GetAccountStateAsync(primary.Login);

        Assert.Equal(Wire.AccountState.WAIT_FOR_FILES, state.State);
    }

    [Fact]
    public async Task TokenOfARegisteredSecondary_Works()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisteredPrimaryAsync();
        var secondary = await tenant.RegisteredSecondaryAsync(primary);

        var state = await tenant.As(secondary.Login, Mint(tenant.Credentials.SsoKey!, secondary.Login, DateTimeOffset.UtcNow)).GetAccountStateAsync(secondary.Login);

        Assert.Equal(Wire.AccountState.REGISTERED, state.State);
    }

    [Fact]
    public async Task TokenMintedTenMinutesAgo_FaultsUserAuthenticationFailed()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();

        var token = Mint(tenant.Credentials.SsoKey!, primary.Login, DateTimeOffset.UtcNow.AddMinutes(-10));
        var fault = await Faults.CatchAsync(() => tenant.As(primary.Login, token).GetAccountStateAsync(primary.Login));

        Assert.Equal(ErrorCodes.UserAuthenticationFailed, fault.Code);
    }

    [Fact]
    public async Task TokenMintedTenMinutesAhead_FaultsUserAuthenticationFailed()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();

        var token = Mint(tenant.Credentials.SsoKey!, primary.Login, DateTimeOffset.UtcNow.AddMinutes(10));
        var fault = await Faults.CatchAsync(() => tenant.As(primary.Login, token).GetAccountStateAsync(primary.Login));

        Assert.Equal(ErrorCodes.UserAuthenticationFailed, fault.Code);
    }

    [Fact]
    public async Task TokenForgedWithAnotherKey_FaultsUserAuthenticationFailed()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();

        var token = Mint("not-the-shared-key-" + Guid.NewGuid().ToString("N"), primary.Login, DateTimeOffset.UtcNow);
        var fault = await Faults.CatchAsync(() => tenant.As(primary.Login, token).GetAccountStateAsync(primary.Login));

        Assert.Equal(ErrorCodes.UserAuthenticationFailed, fault.Code);
    }

    [Fact]
    public async Task TokenForAnotherLogin_FaultsUserAuthenticationFailed()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var other = await tenant.RegisterPrimaryAsync();

        var token = Mint(tenant.Credentials.SsoKey!, other.Login, DateTimeOffset.UtcNow);
        var fault = await Faults.CatchAsync(() => tenant.As(primary.Login, token).GetAccountStateAsync(primary.Login));

        Assert.Equal(ErrorCodes.UserAuthenticationFailed, fault.Code);
    }

    [Fact]
    public async Task TokenForAdministrator_FaultsUserAuthenticationFailed()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();

        var token = Mint(tenant.Credentials.SsoKey!, tenant.AdminLogin, DateTimeOffset.UtcNow);
        var fault = await Faults.CatchAsync(() => tenant.As(tenant.AdminLogin, token).GetAccountStateAsync(primary.Login));

        Assert.Equal(ErrorCodes.UserAuthenticationFailed, fault.Code);
    }

    [Fact]
    public async Task WhiteLabelWithoutSso_FaultsUserAuthenticationFailed()
    {
        var key = "known-key-" + Guid.NewGuid().ToString("N");
        var tenant = await Tenant.CreateAsync(server, w => w with { EnableSso = false, SsoKey = key });
        var primary = await tenant.RegisterPrimaryAsync();

        var token = Mint(key, primary.Login, DateTimeOffset.UtcNow);
        var fault = await Faults.CatchAsync(() => tenant.As(primary.Login, token).GetAccountStateAsync(primary.Login));

        Assert.Null(tenant.Credentials.SsoKey);
        Assert.Equal(ErrorCodes.UserAuthenticationFailed, fault.Code);
    }

    /// <summary><c>sso:yyMMdd:HHmm:hex(SHA-256(key + login + yyMMdd + HHmm))</c>, in UTC.</summary>
    private static string Mint(string key, string login, DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        var date = utc.ToString("yyMMdd", CultureInfo.InvariantCulture);
        var time = utc.ToString("HHmm", CultureInfo.InvariantCulture);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key + login + date + time));
        return $"sso:{date}:{time}:{Convert.ToHexString(hash).ToLowerInvariant()}";
    }
}

public sealed class SsoTestsOnSqlite(SqliteServerFixture server) : SsoTests(server), IClassFixture<SqliteServerFixture>;

public sealed class SsoTestsOnPostgres(PostgresServerFixture server) : SsoTests(server), IClassFixture<PostgresServerFixture>;
