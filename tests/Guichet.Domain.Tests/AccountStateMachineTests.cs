using Guichet.Domain.Accounts;

namespace Guichet.Domain.Tests;

public class AccountStateMachineTests
{
    // Seed 004 §6.4, written out independently of the production table.
    private static readonly Dictionary<AccountState, AccountAction[]> s_expectedAllowed = new()
    {
        [AccountState.CREATION_IN_PROGRESS] = [AccountAction.BACK_TO_STATE_WAITING, AccountAction.REJECT, AccountAction.VALIDATE],
        [AccountState.CREATION_SUSPENDED] = [AccountAction.BACK_TO_STATE_IN_PROGRESS, AccountAction.BACK_TO_STATE_WAITING, AccountAction.REJECT, AccountAction.VALIDATE],
        [AccountState.WAIT_FOR_FILES] = [AccountAction.BACK_TO_STATE_IN_PROGRESS, AccountAction.BACK_TO_STATE_SUSPENDED, AccountAction.REJECT, AccountAction.VALIDATE],
        [AccountState.BO_VALIDATED] = [AccountAction.BACK_TO_STATE_IN_PROGRESS, AccountAction.BACK_TO_STATE_SUSPENDED, AccountAction.BACK_TO_STATE_WAITING, AccountAction.REJECT, AccountAction.ENROLL],
        [AccountState.BO_REJECTED] = [AccountAction.BACK_TO_STATE_IN_PROGRESS, AccountAction.BACK_TO_STATE_SUSPENDED, AccountAction.BACK_TO_STATE_WAITING, AccountAction.VALIDATE],
        [AccountState.REGISTRATION_IN_PROGRESS] = [],
        [AccountState.REGISTERED] = [AccountAction.DISABLE],
        [AccountState.CLOSED] = [AccountAction.ENABLE],
    };

    private static readonly Dictionary<AccountAction, AccountState> s_expectedTarget = new()
    {
        [AccountAction.BACK_TO_STATE_IN_PROGRESS] = AccountState.CREATION_IN_PROGRESS,
        [AccountAction.BACK_TO_STATE_WAITING] = AccountState.WAIT_FOR_FILES,
        [AccountAction.BACK_TO_STATE_SUSPENDED] = AccountState.CREATION_SUSPENDED,
        [AccountAction.REJECT] = AccountState.BO_REJECTED,
        [AccountAction.VALIDATE] = AccountState.BO_VALIDATED,
        [AccountAction.ENROLL] = AccountState.REGISTRATION_IN_PROGRESS,
        [AccountAction.DISABLE] = AccountState.CLOSED,
        [AccountAction.ENABLE] = AccountState.REGISTERED,
    };

    /// <summary>Every (state, action) pair of the enums with the seed's outcome; 64 rows.</summary>
    public static TheoryData<AccountState, AccountAction, AccountState?> AllPairs()
    {
        var data = new TheoryData<AccountState, AccountAction, AccountState?>();
        foreach (var state in Enum.GetValues<AccountState>())
        {
            foreach (var action in Enum.GetValues<AccountAction>())
            {
                data.Add(state, action, s_expectedAllowed[state].Contains(action) ? s_expectedTarget[action] : null);
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
        Assert.Equal(s_expectedAllowed[from].Order(), AccountStateMachine.AllowedActions(from).Order());
    }

    public static TheoryData<AccountState> States() => new(Enum.GetValues<AccountState>());
}
