using Guichet.Domain.Common;

namespace Guichet.Application.Partners;

/// <summary>
/// The French messages of the Partenaire space's failures (establishments, their import, the accesses staff open and
/// remove), each with its stable code.
/// </summary>
public static class PartnerErrors
{
    public static Error SiretRequired(string field) => new(ErrorCodes.Required, "Le SIRET est obligatoire.", field);

    public static Error SiretInvalid(string field) =>
        new(ErrorCodes.InvalidSiret, "Le SIRET doit comporter 14 chiffres et une clé valide.", field);

    public static Error NameRequired(string field) => new(ErrorCodes.Required, "Le nom de l'établissement est obligatoire.", field);

    public static Error TooLong(string field, string what, int max) =>
        new(ErrorCodes.TooLong, $"{what} ne peut dépasser {max} caractères.", field);

    public static Error PostalCodeInvalid(string field) =>
        new(ErrorCodes.InvalidPostalCode, "Le code postal doit comporter 5 chiffres.", field);

    public static Error EstablishmentsFileMissing(string field) =>
        new(ErrorCodes.Required, "Choisissez le fichier CSV des établissements.", field);

    public static Error EstablishmentsHeader(string field) => new(ErrorCodes.InvalidFile,
        $"La première ligne doit être l'en-tête « {EstablishmentFile.Header} ».", field);

    public static Error EstablishmentsSeparator(string field) => new(ErrorCodes.InvalidFile,
        "Les colonnes doivent être séparées par des points-virgules : dans le tableur, enregistrez le fichier au format "
        + "« CSV UTF-8 (délimité par des points-virgules) ».", field);

    public static Error NoEstablishment(string field) => new(ErrorCodes.InvalidFile, "Le fichier ne contient aucun établissement.", field);

    /// <param name="line">The field of a line's error: <c>ligne N</c> of the file.</param>
    public static Error EstablishmentColumns(int found, string line) => new(ErrorCodes.InvalidFile,
        $"5 colonnes attendues ({EstablishmentFile.Header}), {found} trouvée(s) ; un champ qui contient un point-virgule "
        + "se met entre guillemets.", line);

    public static Error EstablishmentSiretTwice(string siret, int firstLine, string line) =>
        new(ErrorCodes.AlreadyExists, $"Le SIRET {siret} figure déjà à la ligne {firstLine}.", line);

    /// <summary>The establishments changed between the preview and "Appliquer l'import": nothing applied, the new preview shown.</summary>
    public static Error EstablishmentsChangedSincePreview { get; } = new(ErrorCodes.DirectoryChanged,
        "Les établissements ont changé depuis l'aperçu : rien n'a été appliqué. Voici l'aperçu à jour ; appliquez-le s'il vous convient.");

    public static Error SearchTextInvalid(string field) => new(ErrorCodes.InvalidValue,
        "Saisissez un SIRET, un SIREN ou le début du nom de l'établissement (lettres ou chiffres).", field);

    public static Error SearchPageLinkInvalid(string field) =>
        new(ErrorCodes.InvalidValue, "Ce lien de pagination n'est pas valide : revenez à la première page.", field);
}
