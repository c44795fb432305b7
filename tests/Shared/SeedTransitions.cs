using Guichet.Domain.Accounts;

namespace Guichet.Tests.Shared;

/// <summary>
/// Seed 004 §6.4 written out by hand, independently of the production table, for the domain and the end-to-end tests
/// (linked into both test projects).
/// </summary>
public static class SeedTransitions
{
    public static readonly IReadOnlyDictionary<AccountState, AccountAction[]> Allowed = new Dictionary<AccountState, AccountAction[]>
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
    };

    public static readonly IReadOnlyDictionary<AccountAction, AccountState> Target = new Dictionary<AccountAction, AccountState>
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

    /// <summary>The seed's outcome of an action from a state: the target, or null when not allowed.</summary>
    public static AccountState? Outcome(AccountState from, AccountAction action) =>
        Allowed[from].Contains(action) ? Target[action] : null;
}
