using System.Collections.Frozen;

namespace Guichet.Domain.Accounts;

/// <summary>
/// The seed's French description of each state (004 §6.4, "Informations retournées par ASPONE"). §5.4 calls REGISTERED
/// "Dossier enrôlé"; §6.4, the later table and the one that lists CLOSED, says "Dossier ouvert": we follow §6.4.
/// </summary>
public static class AccountStateDescriptions
{
    private static readonly FrozenDictionary<AccountState, string> s_descriptions = new Dictionary<AccountState, string>
    {
        [AccountState.CREATION_IN_PROGRESS] = "Dossier en cours de création",
        [AccountState.CREATION_SUSPENDED] = "Dossier suspendu par le demandeur",
        [AccountState.WAIT_FOR_FILES] = "Dossier en attente des pièces à envoyer par courrier",
        [AccountState.BO_VALIDATED] = "Dossier validé par le BO",
        [AccountState.BO_REJECTED] = "Dossier refusé par le BO",
        [AccountState.REGISTERED] = "Dossier ouvert",
        [AccountState.REGISTRATION_IN_PROGRESS] = "En cours d'enrôlement",
        [AccountState.CLOSED] = "Fermé",
    }.ToFrozenDictionary();

    public static string Of(AccountState state) => s_descriptions[state];

    /// <summary>
    /// The states in which a file waits for the back office (seed 004 §5.4: "Suite à la vérification de notre Back Office,
    /// l'état du compte passe à BO_VALIDATED"; ENROLL is then the back office's move): WAIT_FOR_FILES waits to be checked
    /// (validated or rejected), BO_VALIDATED to be enrolled. CREATION_IN_PROGRESS and CREATION_SUSPENDED wait for the
    /// applicant, REGISTRATION_IN_PROGRESS for the enrolment worker; the others are settled.
    /// </summary>
    public static IReadOnlyList<AccountState> WaitingForBackOffice { get; } = [AccountState.WAIT_FOR_FILES, AccountState.BO_VALIDATED];
}
