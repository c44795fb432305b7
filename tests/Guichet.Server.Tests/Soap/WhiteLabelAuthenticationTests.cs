using System.Globalization;
using System.Net;
using System.Security;
using System.Security.Cryptography;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Wire = Guichet.Server.Soap.Contract;

namespace Guichet.Server.Tests.Soap;

/// <summary>First level of authentication: the white label's WS-Security UsernameToken, on both providers.</summary>
public abstract class WhiteLabelAuthenticationTests(GuichetServer server)
{
    [Fact]
    public async Task ValidToken_GetOwnAccountState_Works()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();

        var state = await tenant.As(primary.Login, primary.Password).GetAccountStateAsync(primary.Login);

        Assert.Equal(Wire.AccountState.WAIT_FOR_FILES, state.State);
        Assert.Equal(primary.Login, state.Login);
    }

    [Fact]
    public async Task WrongDigest_FaultsWhiteLabelAuthenticationFailedAndAudits()
    {
        var tenant = await Tenant.CreateAsync(server);
        var identity = tenant.WhiteLabelOnly.As(tenant.AdminLogin, tenant.AdminPassword) with
        {
            DigestOverride = Convert.ToBase64String(RandomNumberGenerator.GetBytes(20)),
        };

        var fault = await Faults.CatchAsync(() => tenant.As(identity).GetAccountStateAsync(tenant.AdminLogin));

        Assert.Equal(ErrorCodes.WhiteLabelAuthenticationFailed, fault.Code);
        var whiteLabelId = tenant.Credentials.WhiteLabel.Id;
        var audited = await server.InDbAsync(db => db.AuditEntries
            .Where(a => a.Event == "auth.white_label_failed" && a.WhiteLabelId == whiteLabelId)
            .Select(a => a.Detail)
            .ToListAsync());
        Assert.Equal(["wrong digest"], audited);
    }

    [Fact]
    public async Task UnknownUsername_FaultsWhiteLabelAuthenticationFailed()
    {
        var tenant = await Tenant.CreateAsync(server);
        var identity = new SoapIdentity("nobody" + Guid.NewGuid().ToString("N")[..10], tenant.Credentials.WsseSecret, tenant.AdminLogin,
            tenant.AdminPassword);

        var fault = await Faults.CatchAsync(() => tenant.As(identity).GetAccountStateAsync(tenant.AdminLogin));

        Assert.Equal(ErrorCodes.WhiteLabelAuthenticationFailed, fault.Code);
        var username = identity.WsseUsername;
        Assert.True(await server.InDbAsync(db => db.AuditEntries.AnyAsync(a => a.Event == "auth.white_label_failed" && a.Subject == username)));
    }

    [Fact]
    public async Task CreatedTenMinutesAgo_FaultsSecurityTokenExpired()
    {
        var tenant = await Tenant.CreateAsync(server);
        var identity = WithFixedToken(tenant, RandomNumberGenerator.GetBytes(16), DateTimeOffset.UtcNow.AddMinutes(-10));

        var fault = await Faults.CatchAsync(() => tenant.As(identity).GetAccountStateAsync(tenant.AdminLogin));

        Assert.Equal(ErrorCodes.SecurityTokenExpired, fault.Code);
    }

    [Fact]
    public async Task CreatedTenMinutesAhead_FaultsSecurityTokenExpired()
    {
        var tenant = await Tenant.CreateAsync(server);
        var identity = WithFixedToken(tenant, RandomNumberGenerator.GetBytes(16), DateTimeOffset.UtcNow.AddMinutes(10));

        var fault = await Faults.CatchAsync(() => tenant.As(identity).GetAccountStateAsync(tenant.AdminLogin));

        Assert.Equal(ErrorCodes.SecurityTokenExpired, fault.Code);
    }

    [Fact]
    public async Task ReplayedNonce_FirstWorksSecondFaultsNonceReplayed()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var identity = WithFixedToken(tenant, RandomNumberGenerator.GetBytes(16), DateTimeOffset.UtcNow).As(primary.Login, primary.Password);

        var first = await tenant.As(identity).GetAccountStateAsync(primary.Login);
        var fault = await Faults.CatchAsync(() => tenant.As(identity).GetAccountStateAsync(primary.Login));

        Assert.Equal(Wire.AccountState.WAIT_FOR_FILES, first.State);
        Assert.Equal(ErrorCodes.NonceReplayed, fault.Code);
    }

    [Fact]
    public async Task SameNonceByAnotherWhiteLabel_IsAccepted()
    {
        var tenant = await Tenant.CreateAsync(server);
        var other = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var otherPrimary = await other.RegisterPrimaryAsync();
        var nonce = RandomNumberGenerator.GetBytes(16);
        var created = DateTimeOffset.UtcNow;

        var first = await tenant.As(WithFixedToken(tenant, nonce, created).As(primary.Login, primary.Password)).GetAccountStateAsync(primary.Login);
        var second = await other.As(WithFixedToken(other, nonce, created).As(otherPrimary.Login, otherPrimary.Password))
            .GetAccountStateAsync(otherPrimary.Login);

        Assert.Equal(Wire.AccountState.WAIT_FOR_FILES, first.State);
        Assert.Equal(Wire.AccountState.WAIT_FOR_FILES, second.State);
    }

    [Fact]
    public async Task ReplayOnSecondInstanceSharingTheDatabase_FaultsNonceReplayed()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        using var second = new GuichetServer(server.Provider, server.ConnectionString, server.KeysFolder);
        var identity = WithFixedToken(tenant, RandomNumberGenerator.GetBytes(16), DateTimeOffset.UtcNow).As(primary.Login, primary.Password);

        // The second instance reads the same white label and decrypts its secret with the shared keys.
        var fresh = await RegisteringClient.Create(second.RegisteringEndpoint, tenant.WhiteLabelOnly.As(primary.Login, primary.Password))
            .GetAccountStateAsync(primary.Login);
        var first = await tenant.As(identity).GetAccountStateAsync(primary.Login);
        var fault = await Faults.CatchAsync(() => RegisteringClient.Create(second.RegisteringEndpoint, identity).GetAccountStateAsync(primary.Login));

        Assert.Equal(Wire.AccountState.WAIT_FOR_FILES, fresh.State);
        Assert.Equal(Wire.AccountState.WAIT_FOR_FILES, first.State);
        Assert.Equal(ErrorCodes.NonceReplayed, fault.Code);
    }

    [Fact]
    public async Task ReplayAfterARestart_FaultsNonceReplayed()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var identity = WithFixedToken(tenant, RandomNumberGenerator.GetBytes(16), DateTimeOffset.UtcNow).As(primary.Login, primary.Password);

        Wire.AccountStateResult first;
        using (var instance = new GuichetServer(server.Provider, server.ConnectionString, server.KeysFolder))
        {
            first = await RegisteringClient.Create(instance.RegisteringEndpoint, identity).GetAccountStateAsync(primary.Login);
        }

        using var restarted = new GuichetServer(server.Provider, server.ConnectionString, server.KeysFolder);
        var fault = await Faults.CatchAsync(
            () => RegisteringClient.Create(restarted.RegisteringEndpoint, identity).GetAccountStateAsync(primary.Login));

        Assert.Equal(Wire.AccountState.WAIT_FOR_FILES, first.State);
        Assert.Equal(ErrorCodes.NonceReplayed, fault.Code);
    }

    [Fact]
    public async Task CreatedWithAnOffset_FirstWorksSecondFaultsNonceReplayed()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var nonce = RandomNumberGenerator.GetBytes(16);
        var created = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        var identity = tenant.WhiteLabelOnly.As(primary.Login, primary.Password) with { TokenOverride = () => (nonce, created) };

        var first = await tenant.As(identity).GetAccountStateAsync(primary.Login);
        var fault = await Faults.CatchAsync(() => tenant.As(identity).GetAccountStateAsync(primary.Login));

        Assert.EndsWith("+02:00", created, StringComparison.Ordinal);
        Assert.Equal(Wire.AccountState.WAIT_FOR_FILES, first.State);
        Assert.Equal(ErrorCodes.NonceReplayed, fault.Code);
    }

    [Fact]
    public async Task PasswordTextInsteadOfDigest_FaultsWhiteLabelAuthenticationFailed()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var xml = RawSoap.Envelope(
            RawSoap.Security(tenant, RawSoap.PasswordText) + RawSoap.Context(primary.Login, primary.Password),
            RawSoap.GetAccountState(primary.Login));

        var response = await RawSoap.PostAsync(server.RegisteringEndpoint, xml);

        response.AssertClientFault(ErrorCodes.WhiteLabelAuthenticationFailed);
    }

    [Fact]
    public async Task RawDigestToken_Works()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var xml = RawSoap.Envelope(
            RawSoap.Security(tenant) + RawSoap.Context(primary.Login, primary.Password),
            RawSoap.GetAccountState(primary.Login));

        var response = await RawSoap.PostAsync(server.RegisteringEndpoint, xml);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.Status);
        Assert.Contains("WAIT_FOR_FILES", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeaderValuesSpelledWithCdataAndComments_AreReadAsTheirText()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var half = primary.Login.Length / 2;
        var context = $"""<context xmlns="{RawSoap.Ns}"><user><login><![CDATA[{primary.Login[..half]}]]><!-- split -->"""
            + $"""{primary.Login[half..]}</login><password>{SecurityElement.Escape(primary.Password)}</password></user></context>""";
        var xml = RawSoap.Envelope(RawSoap.Security(tenant) + context, RawSoap.GetAccountState(primary.Login));

        var response = await RawSoap.PostAsync(server.RegisteringEndpoint, xml);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.Status);
        Assert.Contains("WAIT_FOR_FILES", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordWithoutType_FaultsWhiteLabelAuthenticationFailed()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var security = RawSoap.Security(tenant).Replace($"<wsse:Password Type=\"{RawSoap.PasswordDigest}\">", "<wsse:Password>",
            StringComparison.Ordinal);
        var xml = RawSoap.Envelope(security + RawSoap.Context(primary.Login, primary.Password), RawSoap.GetAccountState(primary.Login));

        var response = await RawSoap.PostAsync(server.RegisteringEndpoint, xml);

        Assert.Contains("<wsse:Password>", security, StringComparison.Ordinal);
        response.AssertClientFault(ErrorCodes.WhiteLabelAuthenticationFailed);
    }

    [Theory]
    [InlineData("line breaks")]
    [InlineData("blanks")]
    [InlineData("padding bits")]
    public async Task UsedNonceSpelledOtherwise_FaultsNonceReplayed(string spelling)
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var nonce = RandomNumberGenerator.GetBytes(16);
        var canonical = Convert.ToBase64String(nonce);
        var respelled = spelling switch
        {
            "line breaks" => canonical[..8] + "\r\n" + canonical[8..16] + "\n" + canonical[16..],
            "blanks" => " " + canonical[..12] + " \t " + canonical[12..] + " ",
            _ => WithOtherPaddingBits(canonical),
        };
        Assert.NotEqual(canonical, respelled);
        Assert.Equal(nonce, Convert.FromBase64String(respelled));

        var first = await GetStateWithNonceAsync(tenant, primary, nonce, canonical);
        var replay = await GetStateWithNonceAsync(tenant, primary, nonce, respelled);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        replay.AssertClientFault(ErrorCodes.NonceReplayed);
    }

    [Fact]
    public async Task NonceSpelledOtherwiseFirst_StoredAsItsOctets()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var nonce = RandomNumberGenerator.GetBytes(16);
        var canonical = Convert.ToBase64String(nonce);
        var whiteLabelId = tenant.Credentials.WhiteLabel.Id;
        var before = await server.InNoncesAsync(db => db.UsedNonces.Where(n => n.WhiteLabelId == whiteLabelId).Select(n => n.Nonce).ToListAsync());

        var first = await GetStateWithNonceAsync(tenant, primary, nonce, canonical[..10] + "\n " + WithOtherPaddingBits(canonical)[10..]);
        var replay = await GetStateWithNonceAsync(tenant, primary, nonce, canonical);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        replay.AssertClientFault(ErrorCodes.NonceReplayed);
        var after = await server.InNoncesAsync(db => db.UsedNonces.Where(n => n.WhiteLabelId == whiteLabelId).Select(n => n.Nonce).ToListAsync());
        Assert.Equal([canonical], after.Except(before));
    }

    [Theory]
    [InlineData("pas du base64 !")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA=")]
    public async Task NonceNotBase64_FaultsWhiteLabelAuthenticationFailedAndStoresNothing(string nonceText)
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var whiteLabelId = tenant.Credentials.WhiteLabel.Id;
        var before = await server.InNoncesAsync(db => db.UsedNonces.CountAsync(n => n.WhiteLabelId == whiteLabelId));

        var response = await GetStateWithNonceAsync(tenant, primary, new byte[16], nonceText);

        response.AssertClientFault(ErrorCodes.WhiteLabelAuthenticationFailed);
        Assert.Equal(before, await server.InNoncesAsync(db => db.UsedNonces.CountAsync(n => n.WhiteLabelId == whiteLabelId)));
    }

    [Fact]
    public async Task UsernameOfFiveThousandCharacters_FaultsWhiteLabelAuthenticationFailedAndAuditsItCut()
    {
        var tenant = await Tenant.CreateAsync(server);
        var username = "u" + Guid.NewGuid().ToString("N") + new string('x', 5000);
        var identity = new SoapIdentity(username, tenant.Credentials.WsseSecret, tenant.AdminLogin, tenant.AdminPassword);

        var fault = await Faults.CatchAsync(() => tenant.As(identity).GetAccountStateAsync(tenant.AdminLogin));

        Assert.Equal(ErrorCodes.WhiteLabelAuthenticationFailed, fault.Code);
        var cut = username[..AuditEntry.MaxSubjectLength];
        var entry = await server.InDbAsync(db =>
            db.AuditEntries.AsNoTracking().SingleAsync(a => a.Event == AuditEvents.WhiteLabelAuthenticationFailed && a.Subject == cut));
        Assert.Equal(username[..AuditEntry.MaxActorLength], entry.Actor);
    }

    private Task<RawResponse> GetStateWithNonceAsync(Tenant tenant, Wire.RegistrationResult primary, byte[] nonce, string nonceText) =>
        RawSoap.PostAsync(server.RegisteringEndpoint, RawSoap.Envelope(
            RawSoap.Security(tenant, nonce, nonceText, DateTimeOffset.UtcNow) + RawSoap.Context(primary.Login, primary.Password),
            RawSoap.GetAccountState(primary.Login)));

    /// <summary>The same octets with other values in the unused low bits of the last Base64 digit.</summary>
    private static string WithOtherPaddingBits(string canonical)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var last = canonical.TrimEnd('=').Length - 1;
        var other = alphabet[alphabet.IndexOf(canonical[last], StringComparison.Ordinal) ^ 0b1111];
        return canonical[..last] + other + canonical[(last + 1)..];
    }

    private static SoapIdentity WithFixedToken(Tenant tenant, byte[] nonce, DateTimeOffset created)
    {
        var at = RegisteringClient.Created(created);
        return tenant.WhiteLabelOnly.As(tenant.AdminLogin, tenant.AdminPassword) with { TokenOverride = () => (nonce, at) };
    }
}

public sealed class WhiteLabelAuthenticationTestsOnSqlite(SqliteServerFixture server)
    : WhiteLabelAuthenticationTests(server), IClassFixture<SqliteServerFixture>;

public sealed class WhiteLabelAuthenticationTestsOnPostgres(PostgresServerFixture server)
    : WhiteLabelAuthenticationTests(server), IClassFixture<PostgresServerFixture>;
