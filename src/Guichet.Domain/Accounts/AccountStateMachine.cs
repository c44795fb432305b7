using System.Collections.Frozen;

namespace Guichet.Domain.Accounts;

/// <summary>The transitions of seed 004 §6.4: which action is allowed from which state, and where it leads.</summary>
public static class AccountStateMachine
{
    private static readonly FrozenDictionary<AccountState, AccountAction[]> s_allowed = new Dictionary<AccountState, AccountAction[]>
    {
        [AccountState.CREATION_IN_PROGRESS] = [AccountAction.BACK_TO_STATE_WAITING, AccountAction.REJECT, AccountAction.VALIDATE],
        [AccountState.CREATION_SUSPENDED] =
            [AccountAction.BACK_TO_STATE_IN_PROGRESS, AccountAction.BACK_TO_STATE_WAITING, AccountAction.REJECT, AccountAction.VALIDATE],
        [AccountState.WAIT_FOR_FILES] =
            [AccountAction.BACK_TO_STATE_IN_PROGRESS, AccountAction.BACK_TO_STATE_SUSPENDED, AccountAction.REJECT, AccountAction.VALIDATE],
        [AccountState.BO_VALIDATED] =
        [
            AccountAction.BACK_TO_STATE_IN_PROGRESS, AccountAction.BACK_TO_STATE_SUSPENDED, AccountAction.BACK_TO_STATE_WAITING,
            AccountAction.REJECT, AccountAction.ENROLL,
        ],
        [AccountState.BO_REJECTED] =
        [
            AccountAction.BACK_TO_STATE_IN_PROGRESS, AccountAction.BACK_TO_STATE_SUSPENDED, AccountAction.BACK_TO_STATE_WAITING,
            AccountAction.VALIDATE,
        ],
        [AccountState.REGISTRATION_IN_PROGRESS] = [],
        [AccountState.REGISTERED] = [AccountAction.DISABLE],
        [AccountState.CLOSED] = [AccountAction.ENABLE],
    }.ToFrozenDictionary();

    public static IReadOnlyList<AccountAction> AllowedActions(AccountState from) => s_allowed[from];

    /// <summary>The state an action leads to from <paramref name="from"/>, or null when the seed does not allow it.</summary>
    public static AccountState? Apply(AccountState from, AccountAction action) =>
        s_allowed[from].Contains(action) ? Target(action) : null;

    private static AccountState Target(AccountAction action) => action switch
    {
        AccountAction.BACK_TO_STATE_IN_PROGRESS => AccountState.CREATION_IN_PROGRESS,
        AccountAction.BACK_TO_STATE_WAITING => AccountState.WAIT_FOR_FILES,
        AccountAction.BACK_TO_STATE_SUSPENDED => AccountState.CREATION_SUSPENDED,
        AccountAction.REJECT => AccountState.BO_REJECTED,
        AccountAction.VALIDATE => AccountState.BO_VALIDATED,
        // The enrolment job then takes the account to REGISTERED.
        AccountAction.ENROLL => AccountState.REGISTRATION_IN_PROGRESS,
        AccountAction.DISABLE => AccountState.CLOSED,
        AccountAction.ENABLE => AccountState.REGISTERED,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
