using Guichet.Domain.Accounts;
using Guichet.Tests.Shared;

namespace Guichet.Domain.Tests;

public class AccountStateMachineTests
{
    /// <summary>Every (state, action) pair of the enums with the seed's outcome; 64 rows.</summary>
    public static TheoryData<AccountState, AccountAction, AccountState?> AllPairs()
    {
        var data = new TheoryData<AccountState, AccountAction, AccountState?>();
        foreach (var state in Enum.GetValues<AccountState>())
        {
            foreach (var action in Enum.GetValues<AccountAction>())
            {
                data.Add(state, action, SeedTransitions.Outcome(state, action));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Apply_EveryStateAndAction_ReturnsSeedTargetOrNull(AccountState from, AccountAction action, AccountState? expected)
    {
        Assert.Equal(expected, AccountStateMachine.Apply(from, action));
    }

    [Fact]
    public void AllPairs_CoverEveryStateAndAction_SixtyFourRows()
    {
        Assert.Equal(8, Enum.GetValues<AccountState>().Length);
        Assert.Equal(8, Enum.GetValues<AccountAction>().Length);
        Assert.Equal(64, AllPairs().Count);
        Assert.Equal(22, AllPairs().Count(row => row[2] is not null));
    }

    [Theory]
    [MemberData(nameof(States))]
    public void AllowedActions_EachState_MatchesSeedTable(AccountState from)
    {
        Assert.Equal(SeedTransitions.Allowed[from].Order(), AccountStateMachine.AllowedActions(from).Order());
    }

    public static TheoryData<AccountState> States() => new(Enum.GetValues<AccountState>());
}
