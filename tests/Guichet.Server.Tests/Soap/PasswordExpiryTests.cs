using Guichet.Domain.Common;
using Guichet.Server.Soap.Contract;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.Soap;

/// <summary>
/// A password older than 18 months answers PASSWORD_EXPIRED on every operation but the one that renews it: modifying
/// one's own account with a new password. Another white label's account is still not found.
/// </summary>
public abstract class PasswordExpiryTests(GuichetServer server)
{
    [Fact]
    public async Task GetAccountState_OwnOrItsSecondary_FaultsPasswordExpired()
    {
        var (tenant, primary, secondary) = await ExpiredPrimaryWithSecondaryAsync();
        var client = tenant.As(primary.Login, primary.Password);

        var own = await Faults.CatchAsync(() => client.GetAccountStateAsync(primary.Login));
        var child = await Faults.CatchAsync(() => client.GetAccountStateAsync(secondary.Login));

        Assert.Equal((ErrorCodes.PasswordExpired, ErrorCodes.PasswordExpired), (own.Code, child.Code));
    }

    [Fact]
    public async Task RegisterSecondary_FaultsPasswordExpiredAndWritesNothing()
    {
        var (tenant, primary, _) = await ExpiredPrimaryWithSecondaryAsync();
        var file = SampleFiles.Secondary();

        var fault = await Faults.CatchAsync(() => tenant.As(primary.Login, primary.Password).RegisterSecondaryAccountAsync(file));

        Assert.Equal(ErrorCodes.PasswordExpired, fault.Code);
        var login = $"{file.AccountName!.ToLowerInvariant()}.{primary.Login}";
        Assert.False(await server.InDbAsync(db => db.Accounts.AnyAsync(a => a.Login == login)));
    }

    [Fact]
    public async Task ChangeAccountStatus_OfItsSecondary_FaultsPasswordExpired()
    {
        var (tenant, primary, secondary) = await ExpiredPrimaryWithSecondaryAsync();

        var fault = await Faults.CatchAsync(() =>
            tenant.As(primary.Login, primary.Password).ChangeAccountStatusAsync(secondary.Login, AccountAction.DISABLE));

        Assert.Equal(ErrorCodes.PasswordExpired, fault.Code);
        Assert.Equal(AccountState.REGISTERED, (await tenant.Admin.GetAccountStateAsync(secondary.Login)).State);
    }

    [Fact]
    public async Task ModifyItsSecondary_EvenWithANewPassword_FaultsPasswordExpired()
    {
        var (tenant, primary, secondary) = await ExpiredPrimaryWithSecondaryAsync();

        var fault = await Faults.CatchAsync(() => tenant.As(primary.Login, primary.Password)
            .ModifySecondaryAccountAsync(new SecondaryAccountData { AccountName = secondary.Login, Password = "Autre-Pass12" }));

        Assert.Equal(ErrorCodes.PasswordExpired, fault.Code);
    }

    [Fact]
    public async Task ModifyOwn_WithAnEmptyPasswordElement_FaultsPasswordExpired()
    {
        var (tenant, primary, _) = await ExpiredPrimaryWithSecondaryAsync();

        var fault = await Faults.CatchAsync(() => tenant.As(primary.Login, primary.Password)
            .ModifyPrimaryAccountAsync(new PrimaryAccountData { AccountName = primary.Login, Password = string.Empty }));

        Assert.Equal(ErrorCodes.PasswordExpired, fault.Code);
    }

    [Fact]
    public async Task ModifyOwn_WithANewPassword_RenewsIt_ThenEverythingWorks()
    {
        var (tenant, primary, secondary) = await ExpiredPrimaryWithSecondaryAsync();

        await tenant.As(primary.Login, primary.Password)
            .ModifyPrimaryAccountAsync(new PrimaryAccountData { AccountName = primary.Login, Password = "Renouvele-Pass1" });

        Assert.Equal(AccountState.REGISTERED, (await tenant.As(primary.Login, "Renouvele-Pass1").GetAccountStateAsync(secondary.Login)).State);
    }

    [Fact]
    public async Task AccountsOfAnotherWhiteLabel_AreNotFoundBeforeThePasswordIsExpired()
    {
        var (tenant, primary, _) = await ExpiredPrimaryWithSecondaryAsync();
        var other = await Tenant.CreateAsync(server);
        var foreign = await other.RegisterPrimaryAsync();
        var client = tenant.As(primary.Login, primary.Password);

        var state = await Faults.CatchAsync(() => client.GetAccountStateAsync(foreign.Login));
        var modify = await Faults.CatchAsync(() =>
            client.ModifyPrimaryAccountAsync(new PrimaryAccountData { AccountName = foreign.Login, CompanyName = "X" }));
        var status = await Faults.CatchAsync(() => client.ChangeAccountStatusAsync(foreign.Login, AccountAction.VALIDATE));

        Assert.Equal([ErrorCodes.AccountNotFound, ErrorCodes.AccountNotFound, ErrorCodes.AccountNotFound],
            new[] { state.Code, modify.Code, status.Code });
    }

    private async Task<(Tenant Tenant, RegistrationResult Primary, RegistrationResult Secondary)> ExpiredPrimaryWithSecondaryAsync()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisteredPrimaryAsync();
        var secondary = await tenant.RegisteredSecondaryAsync(primary);
        await server.InDbAsync(db => db.Accounts.Where(a => a.Login == primary.Login)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.PasswordChangedAt, DateTimeOffset.UtcNow.AddDays(-600))));
        return (tenant, primary, secondary);
    }
}

public sealed class PasswordExpiryTestsOnSqlite(SqliteServerFixture server) : PasswordExpiryTests(server), IClassFixture<SqliteServerFixture>;

public sealed class PasswordExpiryTestsOnPostgres(PostgresServerFixture server) : PasswordExpiryTests(server), IClassFixture<PostgresServerFixture>;
