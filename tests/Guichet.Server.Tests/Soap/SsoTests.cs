using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Guichet.Application.WhiteLabels;
using Guichet.Domain.Common;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wire = Guichet.Server.Soap.Contract;

namespace Guichet.Server.Tests.Soap;

/// <summary>
/// SSO passwords (seed 004 §1.3.3), minted here independently of the server's code, on both providers. Tokens carry
/// the white label's local time (French time unless it chose another zone); tests that need a date set the server's
/// clock and send WSSE timestamps from it.
/// </summary>
public abstract class SsoTests(GuichetServer server) : IDisposable
{
    private static readonly TimeZoneInfo s_paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public void Dispose()
    {
        server.Clock.Reset();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task TokenMintedNow_Works()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();

        var state = await tenant.As(primary.Login, Mint(tenant.Credentials.SsoKey!, primary.Login, DateTimeOffset.UtcNow))
            .GetAccountStateAsync(primary.Login);

        Assert.Equal(Wire.AccountState.WAIT_FOR_FILES, state.State);
    }

    [Fact]
    public async Task TokenOfARegisteredSecondary_Works()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisteredPrimaryAsync();
        var secondary = await tenant.RegisteredSecondaryAsync(primary);

        var state = await tenant.As(secondary.Login, Mint(tenant.Credentials.SsoKey!, secondary.Login, DateTimeOffset.UtcNow))
            .GetAccountStateAsync(secondary.Login);

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
        var tenant = await Tenant.CreateAsync(server, w => w with { Settings = w.Settings with { EnableSso = false }, SsoKey = key });
        var primary = await tenant.RegisterPrimaryAsync();

        var token = Mint(key, primary.Login, DateTimeOffset.UtcNow);
        var fault = await Faults.CatchAsync(() => tenant.As(primary.Login, token).GetAccountStateAsync(primary.Login));

        Assert.Null(tenant.Credentials.SsoKey);
        Assert.Equal(ErrorCodes.UserAuthenticationFailed, fault.Code);
    }

    [Fact]
    public async Task SeedExample_TokenMintedAt1701ParisOnAWinterDay_WorksAt1601Utc()
    {
        var (tenant, primary) = await RegisterAsync();
        // The seed's own example, sso:191028:1701:…: 28 October 2019 is in winter time (UTC+1).
        server.Clock.Set(new DateTimeOffset(2019, 10, 28, 16, 2, 0, TimeSpan.Zero));

        var state = await As(tenant, primary.Login, Token(tenant.Credentials.SsoKey!, primary.Login, "191028", "1701"))
            .GetAccountStateAsync(primary.Login);

        Assert.Equal(Wire.AccountState.WAIT_FOR_FILES, state.State);
    }

    [Fact]
    public async Task TokenMintedInUtc_OnAFrenchTimeWhiteLabel_FaultsAsAnHourOld()
    {
        var (tenant, primary) = await RegisterAsync();
        server.Clock.Set(new DateTimeOffset(2019, 10, 28, 16, 2, 0, TimeSpan.Zero));

        var token = Token(tenant.Credentials.SsoKey!, primary.Login, "191028", "1601");
        var fault = await Faults.CatchAsync(() => As(tenant, primary.Login, token).GetAccountStateAsync(primary.Login));

        Assert.Equal(ErrorCodes.UserAuthenticationFailed, fault.Code);
    }

    [Fact]
    public async Task TokenMintedInParisSummerTime_Works()
    {
        var (tenant, primary) = await RegisterAsync();
        server.Clock.Set(new DateTimeOffset(2026, 7, 1, 10, 1, 0, TimeSpan.Zero));

        var state = await As(tenant, primary.Login, Token(tenant.Credentials.SsoKey!, primary.Login, "260701", "1200"))
            .GetAccountStateAsync(primary.Login);

        Assert.Equal(Wire.AccountState.WAIT_FOR_FILES, state.State);
    }

    // Last Sunday of March 2027: at 01:00 UTC, Paris goes from 02:00 (UTC+1) to 03:00 (UTC+2).
    [Theory]
    [InlineData("0159")]
    [InlineData("0301")]
    public async Task SpringForward_MinutesEitherSideOfTheChange_Work(string time)
    {
        var (tenant, primary) = await RegisterAsync();
        server.Clock.Set(new DateTimeOffset(2027, 3, 28, 1, 2, 0, TimeSpan.Zero));

        var state = await As(tenant, primary.Login, Token(tenant.Credentials.SsoKey!, primary.Login, "270328", time))
            .GetAccountStateAsync(primary.Login);

        Assert.Equal(Wire.AccountState.WAIT_FOR_FILES, state.State);
    }

    [Fact]
    public async Task SpringForward_MinuteOfTheSkippedHour_FaultsUserAuthenticationFailed()
    {
        var (tenant, primary) = await RegisterAsync();
        server.Clock.Set(new DateTimeOffset(2027, 3, 28, 1, 2, 0, TimeSpan.Zero));

        // 02:01 never happened in Paris that night: no clock minted it.
        var token = Token(tenant.Credentials.SsoKey!, primary.Login, "270328", "0201");
        var fault = await Faults.CatchAsync(() => As(tenant, primary.Login, token).GetAccountStateAsync(primary.Login));

        Assert.Equal(ErrorCodes.UserAuthenticationFailed, fault.Code);
    }

    // Last Sunday of October 2026: at 01:00 UTC, Paris goes back from 03:00 (UTC+2) to 02:00 (UTC+1); 02:30 happens twice.
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task FallBack_RepeatedMinute_WorksInEitherOccurrence(int utcHour)
    {
        var (tenant, primary) = await RegisterAsync();
        server.Clock.Set(new DateTimeOffset(2026, 10, 25, utcHour, 32, 0, TimeSpan.Zero));

        var state = await As(tenant, primary.Login, Token(tenant.Credentials.SsoKey!, primary.Login, "261025", "0230"))
            .GetAccountStateAsync(primary.Login);

        Assert.Equal(Wire.AccountState.WAIT_FOR_FILES, state.State);
    }

    [Fact]
    public async Task FallBack_SecondOccurrenceOfTheRepeatedHour_StillAgesTokensOfTheFirst()
    {
        var (tenant, primary) = await RegisterAsync();
        // 01:32 UTC = 02:32 winter time; 02:20 is 00:20 UTC (summer) or 01:20 UTC (winter): 12 minutes old at best.
        server.Clock.Set(new DateTimeOffset(2026, 10, 25, 1, 32, 0, TimeSpan.Zero));

        var token = Token(tenant.Credentials.SsoKey!, primary.Login, "261025", "0220");
        var fault = await Faults.CatchAsync(() => As(tenant, primary.Login, token).GetAccountStateAsync(primary.Login));

        Assert.Equal(ErrorCodes.UserAuthenticationFailed, fault.Code);
    }

    [Fact]
    public async Task UtcWhiteLabel_TokenMintedInUtc_Works_TokenInParisTime_Faults()
    {
        var tenant = await Tenant.CreateAsync(server, w => w with { Settings = w.Settings with { SsoTimeZone = "UTC" } });
        var primary = await tenant.RegisterPrimaryAsync();
        server.Clock.Set(new DateTimeOffset(2019, 10, 28, 16, 2, 0, TimeSpan.Zero));

        var state = await As(tenant, primary.Login, Token(tenant.Credentials.SsoKey!, primary.Login, "191028", "1601"))
            .GetAccountStateAsync(primary.Login);
        var paris = Token(tenant.Credentials.SsoKey!, primary.Login, "191028", "1701");
        var fault = await Faults.CatchAsync(() => As(tenant, primary.Login, paris).GetAccountStateAsync(primary.Login));

        Assert.Equal(Wire.AccountState.WAIT_FOR_FILES, state.State);
        Assert.Equal(ErrorCodes.UserAuthenticationFailed, fault.Code);
        Assert.Equal("UTC", await server.InDbAsync(db =>
            db.WhiteLabels.Where(w => w.Id == tenant.Credentials.WhiteLabel.Id).Select(w => w.SsoTimeZone).SingleAsync()));
    }

    [Fact]
    public async Task WhiteLabelWithUnknownTimeZone_IsRefused()
    {
        var request = new NewWhiteLabel("wl" + Guid.NewGuid().ToString("N")[..10],
            new WhiteLabelSettings("Marque", "mb.example.fr") { SsoTimeZone = "Europe/Atlantis" });

        var result = await server.InScopeAsync(services =>
            services.GetRequiredService<CreateWhiteLabel>().HandleAsync(request, "test", null, CancellationToken.None));

        Assert.Contains(result.Errors, e => e is { Field: "SsoTimeZone", Code: ErrorCodes.InvalidValue });
        Assert.False(await server.InDbAsync(db => db.WhiteLabels.AnyAsync(w => w.Code == request.Code)));
    }

    private async Task<(Tenant Tenant, Wire.RegistrationResult Primary)> RegisterAsync()
    {
        var tenant = await Tenant.CreateAsync(server);
        return (tenant, await tenant.RegisterPrimaryAsync());
    }

    /// <summary>WSSE timestamps from the server's clock, so that setting it never makes the white label's token stale.</summary>
    private Wire.IRegisteringService As(Tenant tenant, string login, string password) =>
        tenant.As(tenant.WhiteLabelOnly.As(login, password) with
        {
            TokenOverride = () => (RandomNumberGenerator.GetBytes(16), RegisteringClient.Created(server.Clock.GetUtcNow())),
        });

    /// <summary><c>sso:yyMMdd:HHmm:hex(SHA-256(key + login + yyMMdd + HHmm))</c>, at an instant, in French time.</summary>
    private static string Mint(string key, string login, DateTimeOffset at)
    {
        var paris = TimeZoneInfo.ConvertTime(at, s_paris);
        return Token(key, login, paris.ToString("yyMMdd", CultureInfo.InvariantCulture), paris.ToString("HHmm", CultureInfo.InvariantCulture));
    }

    private static string Token(string key, string login, string date, string time)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key + login + date + time));
        return $"sso:{date}:{time}:{Convert.ToHexString(hash).ToLowerInvariant()}";
    }
}

public sealed class SsoTestsOnSqlite(SqliteServerFixture server) : SsoTests(server), IClassFixture<SqliteServerFixture>;

public sealed class SsoTestsOnPostgres(PostgresServerFixture server) : SsoTests(server), IClassFixture<PostgresServerFixture>;
