using Guichet.Application.Security;
using Guichet.Application.WhiteLabels;
using Guichet.Domain.Common;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Wire = Guichet.Server.Soap.Contract;

namespace Guichet.Server.Tests.Soap;

/// <summary>
/// The decrypted WSSE secret and SSO key are remembered under the protected value the row holds (SecretProtector): a
/// rotation without grace refuses the old one at the very next call, though this instance decrypted it a moment before.
/// (Another instance: Operations/TwoInstancesTests.)
/// </summary>
public abstract class SecretCacheTests(GuichetServer server)
{
    [Fact]
    public async Task WsseSecretRotatedWithoutGrace_TheOldOneIsRefusedAtOnce_ThoughJustDecrypted()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        Assert.Equal(primary.Login, (await tenant.Admin.GetAccountStateAsync(primary.Login)).Login);

        var rotated = await RotateAsync(tenant, WhiteLabelSecretKind.Wsse);
        var withOld = await Faults.CatchAsync(() => tenant.Admin.GetAccountStateAsync(primary.Login));
        var withNew = await RegisteringClient.Create(server.RegisteringEndpoint,
            new SoapIdentity(tenant.Credentials.WsseUsername, rotated, tenant.AdminLogin, tenant.AdminPassword)).GetAccountStateAsync(primary.Login);

        Assert.Equal(ErrorCodes.WhiteLabelAuthenticationFailed, withOld.Code);
        Assert.Equal(primary.Login, withNew.Login);
    }

    [Fact]
    public async Task SsoKeyRotatedWithoutGrace_TokensOfTheOldKeyAreRefusedAtOnce_ThoughJustDecrypted()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var timeZone = tenant.Credentials.WhiteLabel.SsoTimeZone;
        string Token(string key) => SsoToken.Create(key, primary.Login, server.Clock.GetUtcNow(), timeZone);
        Assert.Equal(primary.Login, (await tenant.As(primary.Login, Token(tenant.Credentials.SsoKey!)).GetAccountStateAsync(primary.Login)).Login);

        var rotated = await RotateAsync(tenant, WhiteLabelSecretKind.SsoKey);
        var withNew = await tenant.As(primary.Login, Token(rotated)).GetAccountStateAsync(primary.Login);
        var withOld = await Faults.CatchAsync(() => tenant.As(primary.Login, Token(tenant.Credentials.SsoKey!)).GetAccountStateAsync(primary.Login));

        Assert.Equal(Wire.AccountState.WAIT_FOR_FILES, withNew.State);
        Assert.Equal(ErrorCodes.UserAuthenticationFailed, withOld.Code);
    }

    private async Task<string> RotateAsync(Tenant tenant, WhiteLabelSecretKind kind)
    {
        var rotated = await server.InScopeAsync(services => services.GetRequiredService<RotateWhiteLabelSecret>()
            .HandleAsync(tenant.Credentials.WhiteLabel.Code, kind, 0, "test", null, CancellationToken.None));
        Assert.True(rotated.Succeeded);
        return rotated.Value.Secret;
    }
}

public sealed class SecretCacheTestsOnSqlite(SqliteServerFixture server) : SecretCacheTests(server), IClassFixture<SqliteServerFixture>;

public sealed class SecretCacheTestsOnPostgres(PostgresServerFixture server) : SecretCacheTests(server), IClassFixture<PostgresServerFixture>;

public sealed class SecretProtectorTests
{
    [Fact]
    public void AProtectedValue_IsDecryptedOnce_AndAnotherProtectedValueOfTheSameSecretAgain()
    {
        var provider = new CountingProvider();
        using var secrets = new SecretProtector(provider);
        var first = secrets.Protect("secret de marque blanche");
        var again = secrets.Protect("secret de marque blanche");

        var read = new[] { secrets.Unprotect(first), secrets.Unprotect(first), secrets.Unprotect(again), secrets.Unprotect(first) };

        Assert.NotEqual(first, again);
        Assert.All(read, secret => Assert.Equal("secret de marque blanche", secret));
        Assert.Equal(2, provider.Decryptions);
    }

    private sealed class CountingProvider : IDataProtectionProvider
    {
        private readonly EphemeralDataProtectionProvider _inner = new();
        private int _decryptions;

        public int Decryptions => Volatile.Read(ref _decryptions);

        public IDataProtector CreateProtector(string purpose) => new Counting(_inner.CreateProtector(purpose), this);

        private sealed class Counting(IDataProtector inner, CountingProvider owner) : IDataProtector
        {
            public IDataProtector CreateProtector(string purpose) => new Counting(inner.CreateProtector(purpose), owner);

            public byte[] Protect(byte[] plaintext) => inner.Protect(plaintext);

            public byte[] Unprotect(byte[] protectedData)
            {
                Interlocked.Increment(ref owner._decryptions);
                return inner.Unprotect(protectedData);
            }
        }
    }
}
