using System.Collections.Frozen;

namespace Guichet.Domain.Accounts;

/// <summary>What the back office calls each action of seed 004 §6.3 on its buttons.</summary>
public static class AccountActionLabels
{
    private static readonly FrozenDictionary<AccountAction, string> s_labels = new Dictionary<AccountAction, string>
    {
        [AccountAction.VALIDATE] = "Valider",
        [AccountAction.REJECT] = "Rejeter",
        [AccountAction.ENROLL] = "Enrôler",
        [AccountAction.BACK_TO_STATE_WAITING] = "Remettre en attente de pièces",
        [AccountAction.BACK_TO_STATE_IN_PROGRESS] = "Remettre en cours de création",
        [AccountAction.BACK_TO_STATE_SUSPENDED] = "Suspendre",
        [AccountAction.DISABLE] = "Désactiver",
        [AccountAction.ENABLE] = "Réactiver",
    }.ToFrozenDictionary();

    public static string Of(AccountAction action) => s_labels[action];
}
