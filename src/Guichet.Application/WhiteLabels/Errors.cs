using Guichet.Domain.Common;

namespace Guichet.Application.WhiteLabels;

/// <summary>The French messages of white-label settings and administrators' failures, each with its stable code.</summary>
public static class WhiteLabelErrors
{
    public static Error CodeInvalid(string field) =>
        new(ErrorCodes.InvalidValue, "Code obligatoire de 40 caractères au plus : lettres, chiffres, « - », « _ ».", field);

    public static Error NameRequired(string field) => new(ErrorCodes.Required, "Le nom est obligatoire (200 caractères au plus).", field);

    public static Error MailDomainInvalid(string field) =>
        new(ErrorCodes.InvalidValue, "Domaine de messagerie invalide : par exemple mb.exemple.fr (200 caractères au plus).", field);

    public static Error SsoValidityOutOfRange(string field) =>
        new(ErrorCodes.OutOfRange, "La validité d'un jeton SSO va de 1 à 1440 minutes.", field);

    public static Error GraceOutOfRange(string field) =>
        new(ErrorCodes.OutOfRange, "La période de grâce va de 0 à 720 heures (0 : l'ancien secret est refusé aussitôt).", field);

    public static Error PresentedValueRequired(string field) =>
        new(ErrorCodes.Required, "Un champ pré-rempli et verrouillé doit avoir une valeur.", field);

    public static Error PresentedValueTooLong(int max, string field) =>
        new(ErrorCodes.TooLong, $"Valeur de {max} caractères au plus pour ce champ.", field);

    public static Error PresentationModeUnknown(string field) =>
        new(ErrorCodes.InvalidValue, "Présentation inconnue : saisie, pré-rempli et verrouillé, ou masqué.", field);

    public static Error ConfirmationRequired(string field) => new(ErrorCodes.Required, "Cochez la case pour confirmer : rien n'a été fait.", field);

    public static Error ChangedMeanwhile { get; } = new(ErrorCodes.ConcurrentModification,
        "Cette marque blanche a été modifiée entre-temps : voici ses valeurs actuelles, refaites vos changements.");

    public static Error NotFound { get; } = new(ErrorCodes.InvalidValue, "Marque blanche introuvable.");

    public static Error SsoOff { get; } = new(ErrorCodes.InvalidValue, "Le SSO de cette marque blanche est désactivé : aucune clé à renouveler.");

    public static Error AdministratorNotFound { get; } =
        new(ErrorCodes.AccountNotFound, "Aucun compte administrateur de ce nom pour cette marque blanche.");

    public static Error AlreadyDisabled { get; } = new(ErrorCodes.InvalidValue, "Cette marque blanche est déjà désactivée.");

    public static Error AlreadyEnabled { get; } = new(ErrorCodes.InvalidValue, "Cette marque blanche est déjà active.");

    /// <summary>The SOAP answer to a disabled white label whose credentials were right (never to a stranger).</summary>
    public static Error Disabled { get; } = new(ErrorCodes.WhiteLabelDisabled,
        "Cette marque blanche est désactivée : ses appels sont refusés. Contactez le back office.");

    public static Error LoginPrefixInvalid(string field) =>
        new(ErrorCodes.InvalidValue, "Préfixe de 10 caractères au plus : lettres, chiffres, « - », « _ ».", field);

    public static Error MaxSecondaryAccountsOutOfRange(string field) => new(ErrorCodes.OutOfRange, "De 0 à 999 comptes secondaires.", field);

    public static Error DefaultEdiPartnerNumberInvalid(string field) => new(ErrorCodes.InvalidValue, "Le PED comporte 7 chiffres.", field);

    public static Error SsoTimeZoneUnknown(string field) =>
        new(ErrorCodes.InvalidValue, "Fuseau horaire inconnu : identifiant IANA attendu (par exemple Europe/Paris ou UTC).", field);

    public static Error AlreadyExists(string field) =>
        new(ErrorCodes.AlreadyExists, "Une marque blanche porte déjà ce code ou cet identifiant WSSE.", field);

    public static Error UnknownWhiteLabel(string code, string field) => new(ErrorCodes.InvalidValue, $"Aucune marque blanche {code}.", field);

    public static Error AdministratorLoginInvalid(string field) =>
        new(ErrorCodes.InvalidAccountName, "Identifiant de 15 caractères au plus : lettres, chiffres, « - », « _ ».", field);

    public static Error AdministratorLoginTaken(string field) => new(ErrorCodes.AlreadyExists, "Cet identifiant existe déjà.", field);
}
