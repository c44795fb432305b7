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
    public static Error SiretsRequired(string field) => new(ErrorCodes.Required, "Indiquez au moins un SIRET, un par ligne.", field);

    /// <summary>An error of one line of a list of SIRETs, naming the line as it was typed.</summary>
    public static Error InList(string typed, Error error) => error with { Message = $"« {typed} » : {error.Message}" };

    /// <summary>
    /// The SIRET is in no establishment yet: staff give its name (and address) to create it while granting. The field is
    /// the SIRET itself, so that the page knows which establishments to ask about.
    /// </summary>
    public static Error UnknownEstablishment(string siret) => new(ErrorCodes.UnknownEstablishment,
        $"L'établissement {siret} n'est pas encore connu : indiquez son nom (et si possible son adresse) pour le créer.", siret);

    public static Error AlreadyGranted(string siret, string field) =>
        new(ErrorCodes.AlreadyGranted, $"Cette personne a déjà accès à l'établissement {siret}.", field);

    public static Error PersonNotFound { get; } = new(ErrorCodes.PersonNotFound, "Cette personne n'existe pas ou plus.");

    /// <summary>Nobody has shown that they own the address yet: an access opened to it could reach a stranger.</summary>
    public static Error EmailNotConfirmed { get; } = new(ErrorCodes.EmailNotConfirmed,
        "Cette personne n'a pas encore validé son adresse électronique : son accès pourra être ouvert une fois l'adresse validée.");

    /// <summary>A unique index refused the save: a double click, or another staff member granting or creating the same.</summary>
    public static Error GrantedMeanwhile { get; } = new(ErrorCodes.ConcurrentModification,
        "Ces accès viennent d'être modifiés, ou l'un de ces établissements créé, par ailleurs (double clic ou autre membre de "
        + "l'équipe) : rien n'a été enregistré. Voici la situation actuelle ; recommencez si besoin.");

    public static Error AccessNotFound(string siret) =>
        new(ErrorCodes.AccessNotFound, $"Cette personne n'a pas (ou plus) accès à l'établissement {siret} : rien n'a été modifié.");

    public static Error SearchTextTooLong(string field, int max) =>
        new(ErrorCodes.TooLong, $"La recherche ne peut dépasser {max} caractères.", field);
}
