using Guichet.Application.Security;
using Guichet.Domain.Common;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Server.Tests.Soap;

public sealed class CountingServerFixture() : GuichetServer(DatabaseProvider.Sqlite)
{
    public CountingPasswordHashing Hashing { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<PasswordHashing>(Hashing);
}

/// <summary>
/// A refused login costs the same work whether the login exists or not, with a password or an SSO token: exactly one
/// PBKDF2 verification (timing is not measured, it is counted). Each case uses a login nobody has failed on yet.
/// </summary>
public sealed class AuthenticationCostTests(CountingServerFixture server) : IClassFixture<CountingServerFixture>
{
    private const string WrongPassword = "Wrong-Pass1";

    private const string WrongToken = "sso:260101:1200:0000000000000000000000000000000000000000000000000000000000000000";

    [Theory]
    [InlineData(WrongPassword)]
    [InlineData(WrongToken)]
    public async Task UnknownLogin_CostsOneVerification(string password)
    {
        var tenant = await server.SharedTenantAsync();
        var unknown = "nobody" + Guid.NewGuid().ToString("N")[..8];

        Assert.Equal(1, await VerificationsOfAsync(tenant, unknown, password));
    }

    [Theory]
    [InlineData(WrongPassword)]
    [InlineData(WrongToken)]
    public async Task KnownLogin_CostsOneVerification(string password)
    {
        var tenant = await server.SharedTenantAsync();
        var primary = await tenant.RegisterPrimaryAsync();

        Assert.Equal(1, await VerificationsOfAsync(tenant, primary.Login, password));
    }

    [Fact]
    public async Task AdministratorWithAToken_CostsOneVerification()
    {
        var tenant = await Tenant.CreateAsync(server);

        Assert.Equal(1, await VerificationsOfAsync(tenant, tenant.AdminLogin, WrongToken));
    }

    [Fact]
    public async Task TokenOnAWhiteLabelWithoutSso_CostsOneVerification()
    {
        var tenant = await Tenant.CreateAsync(server, w => w with { Settings = w.Settings with { EnableSso = false } });
        var primary = await tenant.RegisterPrimaryAsync();

        Assert.Equal(1, await VerificationsOfAsync(tenant, primary.Login, WrongToken));
    }

    private async Task<int> VerificationsOfAsync(Tenant tenant, string login, string password)
    {
        var before = server.Hashing.Verifications;
        var fault = await Faults.CatchAsync(() => tenant.As(login, password).GetAccountStateAsync(login));
        Assert.Equal(ErrorCodes.UserAuthenticationFailed, fault.Code);
        return server.Hashing.Verifications - before;
    }
}
