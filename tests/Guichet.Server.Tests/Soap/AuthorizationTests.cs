using Guichet.Domain.Common;
using Guichet.Server.Soap.Contract;
using Guichet.Server.Tests.Infrastructure;

namespace Guichet.Server.Tests.Soap;

public enum Role
{
    Administrator,
    ThePrimary,
    ItsSecondary,
    AnotherPrimary,
    OtherWhiteLabelAdministrator,
}

public enum Target
{
    Primary,
    Secondary,
}

public enum Operation
{
    Modify,
    GetState,
    ChangeStatus,
}

/// <summary>One white label with a primary, its secondary and another primary, all REGISTERED; and a second white label.</summary>
public sealed class AuthorizationWorld(GuichetServer server)
{
    public Tenant Tenant { get; private set; } = null!;

    public Tenant Other { get; private set; } = null!;

    public RegistrationResult Primary { get; private set; } = null!;

    public RegistrationResult Secondary { get; private set; } = null!;

    public RegistrationResult AnotherPrimary { get; private set; } = null!;

    public async Task BuildAsync()
    {
        Tenant = await Tenant.CreateAsync(server);
        Other = await Tenant.CreateAsync(server);
        Primary = await Tenant.RegisteredPrimaryAsync();
        Secondary = await Tenant.RegisteredSecondaryAsync(Primary);
        AnotherPrimary = await Tenant.RegisteredPrimaryAsync();
    }

    public IRegisteringService ClientFor(Role role) => role switch
    {
        Role.Administrator => Tenant.Admin,
        Role.ThePrimary => Tenant.As(Primary.Login, Primary.Password),
        Role.ItsSecondary => Tenant.As(Secondary.Login, Secondary.Password),
        Role.AnotherPrimary => Tenant.As(AnotherPrimary.Login, AnotherPrimary.Password),
        Role.OtherWhiteLabelAdministrator => Other.Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public RegistrationResult TargetOf(Target target) => target == Target.Primary ? Primary : Secondary;
}

public sealed class AuthorizationSqliteFixture : GuichetServer, IAsyncLifetime
{
    public AuthorizationSqliteFixture()
        : base(DatabaseProvider.Sqlite) => World = new AuthorizationWorld(this);

    public AuthorizationWorld World { get; }

    public Task InitializeAsync() => World.BuildAsync();

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class AuthorizationPostgresFixture : GuichetServer, IAsyncLifetime
{
    public AuthorizationPostgresFixture()
        : base(DatabaseProvider.PostgreSql) => World = new AuthorizationWorld(this);

    public AuthorizationWorld World { get; }

    public Task InitializeAsync() => World.BuildAsync();

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

/// <summary>Every cell of the authorization table (seed 004 §4.2, §5.2, §6.2), through the wire.</summary>
public abstract class AuthorizationTests(AuthorizationWorld world)
{
    private const string Allowed = "allowed";

    // Written from the seed, independently of the production code.
    public static TheoryData<Operation, Target, Role, string> Table => new()
    {
        { Operation.Modify, Target.Primary, Role.Administrator, Allowed },
        { Operation.Modify, Target.Primary, Role.ThePrimary, Allowed },
        { Operation.Modify, Target.Primary, Role.ItsSecondary, ErrorCodes.AccessDenied },
        { Operation.Modify, Target.Primary, Role.AnotherPrimary, ErrorCodes.AccessDenied },
        { Operation.Modify, Target.Primary, Role.OtherWhiteLabelAdministrator, ErrorCodes.AccountNotFound },
        { Operation.Modify, Target.Secondary, Role.Administrator, Allowed },
        { Operation.Modify, Target.Secondary, Role.ThePrimary, Allowed },
        { Operation.Modify, Target.Secondary, Role.ItsSecondary, Allowed },
        { Operation.Modify, Target.Secondary, Role.AnotherPrimary, ErrorCodes.AccessDenied },
        { Operation.Modify, Target.Secondary, Role.OtherWhiteLabelAdministrator, ErrorCodes.AccountNotFound },
        { Operation.GetState, Target.Primary, Role.Administrator, Allowed },
        { Operation.GetState, Target.Primary, Role.ThePrimary, Allowed },
        { Operation.GetState, Target.Primary, Role.ItsSecondary, ErrorCodes.AccessDenied },
        { Operation.GetState, Target.Primary, Role.AnotherPrimary, ErrorCodes.AccessDenied },
        { Operation.GetState, Target.Primary, Role.OtherWhiteLabelAdministrator, ErrorCodes.AccountNotFound },
        { Operation.GetState, Target.Secondary, Role.Administrator, Allowed },
        { Operation.GetState, Target.Secondary, Role.ThePrimary, Allowed },
        { Operation.GetState, Target.Secondary, Role.ItsSecondary, Allowed },
        { Operation.GetState, Target.Secondary, Role.AnotherPrimary, ErrorCodes.AccessDenied },
        { Operation.GetState, Target.Secondary, Role.OtherWhiteLabelAdministrator, ErrorCodes.AccountNotFound },
        { Operation.ChangeStatus, Target.Primary, Role.Administrator, Allowed },
        { Operation.ChangeStatus, Target.Primary, Role.ThePrimary, ErrorCodes.AccessDenied },
        { Operation.ChangeStatus, Target.Primary, Role.ItsSecondary, ErrorCodes.AccessDenied },
        { Operation.ChangeStatus, Target.Primary, Role.AnotherPrimary, ErrorCodes.AccessDenied },
        { Operation.ChangeStatus, Target.Primary, Role.OtherWhiteLabelAdministrator, ErrorCodes.AccountNotFound },
        { Operation.ChangeStatus, Target.Secondary, Role.Administrator, Allowed },
        { Operation.ChangeStatus, Target.Secondary, Role.ThePrimary, Allowed },
        { Operation.ChangeStatus, Target.Secondary, Role.ItsSecondary, ErrorCodes.AccessDenied },
        { Operation.ChangeStatus, Target.Secondary, Role.AnotherPrimary, ErrorCodes.AccessDenied },
        { Operation.ChangeStatus, Target.Secondary, Role.OtherWhiteLabelAdministrator, ErrorCodes.AccountNotFound },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Operation_ByRole_FollowsTheTable(Operation operation, Target target, Role role, string expected)
    {
        var client = world.ClientFor(role);
        var login = world.TargetOf(target).Login;
        Func<Task> call = operation switch
        {
            Operation.Modify when target == Target.Primary => () =>
                client.ModifyPrimaryAccountAsync(new PrimaryAccountData { AccountName = login, CorporateOfficerName = $"Par {role}" }),
            Operation.Modify => () =>
                client.ModifySecondaryAccountAsync(new SecondaryAccountData { AccountName = login, CorporateOfficerName = $"Par {role}" }),
            Operation.GetState => () => client.GetAccountStateAsync(login),
            // DISABLE then ENABLE: the account is back to REGISTERED for the next cell.
            _ => async () =>
            {
                Assert.Equal(AccountState.CLOSED, (await client.ChangeAccountStatusAsync(login, AccountAction.DISABLE)).State);
                Assert.Equal(AccountState.REGISTERED, (await client.ChangeAccountStatusAsync(login, AccountAction.ENABLE)).State);
            }
            ,
        };

        if (expected == Allowed)
        {
            await call();
        }
        else
        {
            var fault = await Faults.CatchAsync(call);
            Assert.Equal(expected, fault.Code);
        }

        Assert.Equal(AccountState.REGISTERED, (await world.Tenant.Admin.GetAccountStateAsync(login)).State);
    }

    [Fact]
    public async Task RegisterSecondary_ByAdministratorOrSecondary_IsDenied()
    {
        var admin = await Faults.CatchAsync(() => world.ClientFor(Role.Administrator).RegisterSecondaryAccountAsync(SampleFiles.Secondary()));
        var secondary = await Faults.CatchAsync(() => world.ClientFor(Role.ItsSecondary).RegisterSecondaryAccountAsync(SampleFiles.Secondary()));

        Assert.Equal(ErrorCodes.AccessDenied, admin.Code);
        Assert.Equal(ErrorCodes.AccessDenied, secondary.Code);
    }
}

public sealed class AuthorizationTestsOnSqlite(AuthorizationSqliteFixture fixture)
    : AuthorizationTests(fixture.World), IClassFixture<AuthorizationSqliteFixture>;

public sealed class AuthorizationTestsOnPostgres(AuthorizationPostgresFixture fixture)
    : AuthorizationTests(fixture.World), IClassFixture<AuthorizationPostgresFixture>;
