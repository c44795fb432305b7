using Guichet.Domain.Accounts;
using Guichet.Domain.Common;

namespace Guichet.Application.Accounts;

/// <summary>
/// The French messages of the accounts' use-case failures, each with its stable code. The field rules of a registration
/// file keep their own wording in the Domain (<see cref="AccountDataValidator"/>, <see cref="PasswordMessages"/>).
/// </summary>
public static class AccountErrors
{
    /// <summary>Also an account of another white label: it does not exist for the caller.</summary>
    public static Error NotFound(string login) =>
        new(ErrorCodes.AccountNotFound, $"Aucun compte {login} pour cette marque blanche.", nameof(AccountData.AccountName));

    /// <summary>Seed 004: a password expires after 18 months; until it is changed, the account may do nothing else.</summary>
    public static Error PasswordExpired { get; } =
        new(ErrorCodes.PasswordExpired, "Le mot de passe a expiré : changez-le en modifiant votre propre compte.");

    /// <summary>§2.4: until enrolled, an account may only read its own state.</summary>
    public static Error NotActive(string login, AccountState state) => new(ErrorCodes.AccountNotActive,
        $"Le compte {login} est à l'état {state} : seul son propre état peut être consulté tant qu'il n'est pas REGISTERED.");

    public static Error NoRight(string actorLogin, string targetLogin) =>
        new(ErrorCodes.AccessDenied, $"Le compte {actorLogin} n'a pas de droit sur le compte {targetLogin} pour cette opération.");

    public static Error ChangedMeanwhile { get; } =
        new(ErrorCodes.ConcurrentModification, "Le compte a été modifié entre-temps : relisez son état et recommencez.");

    public static Error NameTaken(string field) => new(ErrorCodes.AlreadyExists, "Ce nom de compte existe déjà.", field);

    public static Error OnlyPrimaryRegistersSecondaries { get; } =
        new(ErrorCodes.AccessDenied, "Seul un compte primaire peut inscrire un compte secondaire, sous lui-même.");

    public static Error PrimaryNotRegistered(AccountState state) =>
        new(ErrorCodes.AccountNotActive, $"Le compte primaire doit être REGISTERED (il est {state}).");

    public static Error SecondaryNameTaken(string field) =>
        new(ErrorCodes.AlreadyExists, "Ce compte primaire a déjà un compte secondaire de ce nom.", field);

    public static Error SecondaryQuotaReached(int allowance, string field) =>
        new(ErrorCodes.SecondaryQuotaReached, $"Le compte primaire a atteint son nombre de comptes secondaires ({allowance}).", field);

    /// <summary>§6: changeAccountStatus names no action.</summary>
    public static Error ActionRequired(string field) => new(ErrorCodes.Required, "L'action est obligatoire.", field);

    /// <summary>§6.4: the action is not one the account's state allows.</summary>
    public static Error TransitionNotAllowed(AccountAction action, AccountState state, IReadOnlyCollection<AccountAction> allowed)
    {
        var possible = allowed.Count == 0 ? "aucune" : string.Join(", ", allowed);
        return new(ErrorCodes.TransitionNotAllowed, $"L'action {action} n'est pas possible depuis l'état {state}. Actions possibles : {possible}.");
    }

    /// <summary>§4.3.2: a mailbox asked for an enrolled secondary only works with a new password, set in the same request.</summary>
    public static Error MailboxNeedsNewPassword(string field) =>
        new(ErrorCodes.Required, "Créer la boîte mail d'un compte ouvert exige un nouveau mot de passe dans la même requête.", field);

    // The back office's registration files (Accounts/Files and staff status changes).

    /// <summary>The back office's wording, with the buttons' labels and the state's description.</summary>
    public static Error TransitionNotAllowedForStaff(AccountAction action, AccountState from)
    {
        var allowed = AccountStateMachine.AllowedActions(from);
        var labels = allowed.Count == 0 ? "aucune" : string.Join(", ", allowed.Select(a => $"« {AccountActionLabels.Of(a)} »"));
        return new Error(ErrorCodes.TransitionNotAllowed,
            $"« {AccountActionLabels.Of(action)} » n'est pas possible pour un dossier à l'état {from} ({AccountStateDescriptions.Of(from)}). "
            + $"Actions possibles : {labels}.");
    }

    /// <summary>The page showed a version of the file that is no longer the stored one.</summary>
    public static Error FileChangedMeanwhile { get; } = new(ErrorCodes.ConcurrentModification,
        "Le dossier a été modifié entre-temps : voici son état actuel, vérifiez-le avant d'agir à nouveau.");

    public static Error ReasonRequired(string field) => new(ErrorCodes.Required, "Un rejet doit être motivé : indiquez le motif.", field);

    public static Error ReasonTooLong(string field, int max) => new(ErrorCodes.TooLong, $"Le motif ne peut dépasser {max} caractères.", field);

    /// <param name="reference">The id or login the file was asked by.</param>
    public static Error FileNotFound(string reference) => new(ErrorCodes.AccountNotFound, $"Aucun dossier d'inscription {reference}.");

    /// <summary>An actor no rule grants anything (fail closed).</summary>
    public static Error ActorNotAllowed { get; } = new(ErrorCodes.AccessDenied, "Action refusée : cet acteur n'a aucun droit sur les dossiers.");

    public static Error NoFileSelected(string field) => new(ErrorCodes.Required, "Sélectionnez au moins un dossier.", field);

    public static Error TooManyFilesSelected(string field, int max) =>
        new(ErrorCodes.OutOfRange, $"Au plus {max} dossiers à la fois : réduisez la sélection.", field);

    public static Error BulkActionNotAllowed(string field) =>
        new(ErrorCodes.InvalidValue, "Une sélection de dossiers ne peut être que validée ou enrôlée.", field);

    public static Error PageSizeOutOfRange(string field, int max) =>
        new(ErrorCodes.OutOfRange, $"Le nombre de dossiers par page va de 1 à {max}.", field);

    public static Error InvalidCursor(string field) =>
        new(ErrorCodes.InvalidValue, "Ce lien de pagination n'est pas valide : revenez à la première page.", field);

    public static Error InvalidDateRange(string field) =>
        new(ErrorCodes.InvalidValue, "La date de fin précède la date de début.", field);

    public static Error SearchTextTooShort(string field, int min) =>
        new(ErrorCodes.InvalidLength, $"Saisissez au moins {min} caractères (lettres ou chiffres) à rechercher.", field);

    public static Error SearchTextTooLong(string field, int max) =>
        new(ErrorCodes.TooLong, $"Le texte recherché ne peut dépasser {max} caractères.", field);
}
