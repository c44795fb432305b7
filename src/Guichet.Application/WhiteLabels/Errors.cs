using Guichet.Domain.Common;

namespace Guichet.Application.WhiteLabels;

/// <summary>The French messages of white-label settings and administrators' failures, each with its stable code.</summary>
public static class WhiteLabelErrors
{
    public static Error CodeInvalid(string field) => new(ErrorCodes.InvalidValue, "Code obligatoire, 40 caractères au plus.", field);

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
