using Guichet.Domain.Accounts;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Wire = Guichet.Server.Soap.Contract;

namespace Guichet.Server.Tests.Soap;

/// <summary>Every (state, action) pair of seed 004 §6.4 through changeAccountStatus, with its audit line.</summary>
public abstract class StateTransitionTests(GuichetServer server)
{
    public static TheoryData<AccountState, AccountAction> AllPairs()
    {
        var data = new TheoryData<AccountState, AccountAction>();
        foreach (var state in Enum.GetValues<AccountState>())
        {
            foreach (var action in Enum.GetValues<AccountAction>())
            {
                data.Add(state, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public async Task ChangeAccountStatus_FromState_FollowsTheSeed(AccountState from, AccountAction action)
    {
        var tenant = await server.SharedTenantAsync();
        var account = await tenant.RegisterPrimaryAsync();
        await PutInStateAsync(account.Login, from);

        if (SeedTransitions.Outcome(from, action) is { } target)
        {
            var result = await tenant.Admin.ChangeAccountStatusAsync(account.Login, action.ToWire());

            Assert.Equal(target.ToWire(), result.State);
            var audit = await server.InDbAsync(db => db.AuditEntries
                .Where(e => e.Subject == account.Login && e.Event == AuditEvents.AccountStateChanged && e.FromValue == from.ToString())
                .SingleAsync());
            Assert.Equal(target.ToString(), audit.ToValue);
            Assert.Equal(tenant.AdminLogin, audit.Actor);
            if (action == AccountAction.ENROLL)
            {
                await tenant.WaitForStateAsync(account.Login, Wire.AccountState.REGISTERED);
            }
        }
        else
        {
            var fault = await Faults.CatchAsync(() => tenant.Admin.ChangeAccountStatusAsync(account.Login, action.ToWire()));

            Assert.Equal(ErrorCodes.TransitionNotAllowed, fault.Code);
            Assert.Equal(from, await server.InDbAsync(db => db.Accounts.Where(a => a.Login == account.Login).Select(a => a.State).SingleAsync()));
        }
    }

    [Fact]
    public async Task ChangeAccountStatus_UnregisteredPrimaryOnOwnSecondaryPath_OnlyReadsOwnState()
    {
        var tenant = await Tenant.CreateAsync(server);
        var account = await tenant.RegisterPrimaryAsync();
        var self = tenant.As(account.Login, account.Password);

        Assert.Equal(Wire.AccountState.WAIT_FOR_FILES, (await self.GetAccountStateAsync(account.Login)).State);
        var modify = await Faults.CatchAsync(() =>
            self.ModifyPrimaryAccountAsync(new Wire.PrimaryAccountData { AccountName = account.Login, CompanyName = "X" }));
        Assert.Equal(ErrorCodes.AccountNotActive, modify.Code);
    }

    [Fact]
    public async Task ConcurrentStatusChanges_OneWins_NoLostUpdate()
    {
        var tenant = await server.SharedTenantAsync();
        var account = await tenant.RegisterPrimaryAsync();
        var admin = tenant.Admin;

        var outcomes = await Task.WhenAll(
            new[] { AccountAction.VALIDATE, AccountAction.REJECT, AccountAction.BACK_TO_STATE_SUSPENDED, AccountAction.VALIDATE }
            .Select(async action =>
            {
                try
                {
                    return (Action: action, State: (AccountState?)(await admin.ChangeAccountStatusAsync(account.Login, action.ToWire())).State,
                        Code: (string?)null);
                }
                catch (System.ServiceModel.FaultException<Guichet.Server.Soap.Contract.RegisteringFault> fault)
                {
                    return (Action: action, State: null, Code: fault.Detail.Code);
                }
            }));

        // Every change that answered success is in the audit trail, in a chain from WAIT_FOR_FILES to the final state.
        var winners = outcomes.Where(o => o.State is not null).ToList();
        Assert.NotEmpty(winners);
        Assert.All(outcomes.Where(o => o.State is null),
            o => Assert.Contains(o.Code, new[] { ErrorCodes.ConcurrentModification, ErrorCodes.TransitionNotAllowed }));
        var chain = await server.InDbAsync(db => db.AuditEntries
            .Where(e => e.Subject == account.Login && e.Event == AuditEvents.AccountStateChanged)
            .OrderBy(e => e.Id).Select(e => new { e.FromValue, e.ToValue }).ToListAsync());
        Assert.Equal(winners.Count, chain.Count);
        Assert.Equal(nameof(AccountState.WAIT_FOR_FILES), chain[0].FromValue);
        for (var i = 1; i < chain.Count; i++)
        {
            Assert.Equal(chain[i - 1].ToValue, chain[i].FromValue);
        }

        var final = await server.InDbAsync(db => db.Accounts.Where(a => a.Login == account.Login).Select(a => a.State).SingleAsync());
        Assert.Equal(chain[^1].ToValue, final.ToString());
    }

    /// <summary>Sets the state in the store directly: what is under test is the transition, not how the file got there.</summary>
    private Task<int> PutInStateAsync(string login, AccountState state) =>
        server.InDbAsync(db => db.Accounts.Where(a => a.Login == login)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.State, state).SetProperty(a => a.Version, Guid.NewGuid())));
}

public sealed class StateTransitionTestsOnSqlite(SqliteServerFixture server) : StateTransitionTests(server), IClassFixture<SqliteServerFixture>;

public sealed class StateTransitionTestsOnPostgres(PostgresServerFixture server) : StateTransitionTests(server), IClassFixture<PostgresServerFixture>;
