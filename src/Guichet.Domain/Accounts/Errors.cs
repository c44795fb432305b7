using Guichet.Domain.Common;

namespace Guichet.Domain.Accounts;

/// <summary>The French messages of the accounts' and registration files' expected failures, with their stable codes.</summary>
public static class AccountErrors
{
    /// <summary>Seed 004 §6.3: the action is the request; none is never a default.</summary>
    public static Error ActionRequired(string field) => new(ErrorCodes.Required, "L'action est obligatoire.", field);

    /// <summary>The SOAP wording, with the seed's codes: integrators read these.</summary>
    public static Error TransitionNotAllowed(AccountAction action, AccountState from)
    {
        var allowed = AccountStateMachine.AllowedActions(from);
        return new Error(ErrorCodes.TransitionNotAllowed,
            $"L'action {action} n'est pas possible depuis l'état {from}. "
            + $"Actions possibles : {(allowed.Count == 0 ? "aucune" : string.Join(", ", allowed))}.");
    }

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
