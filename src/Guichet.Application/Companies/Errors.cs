using Guichet.Domain.Common;

namespace Guichet.Application.Companies;

/// <summary>
/// The French messages of companies' failures (adding a company, access requests and their decisions, the member
/// directory), each with its stable code.
/// </summary>
public static class CompanyErrors
{
    public static Error SirenInvalid(string field) => new(ErrorCodes.InvalidSiren, "Le SIREN doit comporter 9 chiffres et une clé valide.", field);

    public static Error MemberCodeRequired(string field) => new(ErrorCodes.Required, "Le code adhérent est obligatoire.", field);

    /// <summary>One message for an unknown SIREN and a wrong code: the form must not tell which SIRENs are members.</summary>
    public static Error UnknownMember(string field) =>
        new(ErrorCodes.UnknownMember, "Aucune entreprise adhérente ne correspond à ce SIREN et à ce code adhérent.", field);

    public static Error AlreadyMember(string field) => new(ErrorCodes.AlreadyMember, "Vous avez déjà accès à cette entreprise.", field);

    public static Error AlreadyRequested(string field) =>
        new(ErrorCodes.AlreadyRequested, "Votre demande d'accès à cette entreprise est déjà en attente.", field);

    /// <summary>Two submissions at once: the first one counts.</summary>
    public static Error RequestAlreadyRecorded(string field) =>
        new(ErrorCodes.AlreadyRequested, "Votre demande pour cette entreprise est déjà enregistrée.", field);

    public static Error NotAdministrator { get; } =
        new(ErrorCodes.AccessDenied, "Seuls les administrateurs de l'entreprise gèrent ses utilisateurs.");

    public static Error RequestNotFound { get; } = new(ErrorCodes.InvalidValue, "Cette demande n'existe pas ou plus.");

    /// <summary>The decision was offered by a page that is no longer up to date: the membership's state has moved on.</summary>
    public static Error PageOutOfDate { get; } =
        new(ErrorCodes.TransitionNotAllowed, "Cette action n'est plus possible : la page n'était pas à jour.");

    public static Error DecidedMeanwhile { get; } =
        new(ErrorCodes.ConcurrentModification, "Un autre administrateur vient de traiter cette demande.");

    /// <summary>
    /// "Annuler ma demande" or "Quitter cette entreprise" lost to a decision taken meanwhile on the person's own membership
    /// (their request approved or refused, their access revoked): true whichever it was.
    /// </summary>
    public static Error OwnMembershipChangedMeanwhile { get; } = new(ErrorCodes.ConcurrentModification,
        "Votre demande ou votre accès à cette entreprise vient de changer entre-temps : rien n'a été modifié. "
        + "Retrouvez la situation à jour dans « Mon compte ».");

    public static Error NoDecision { get; } = new(ErrorCodes.InvalidValue, "Aucune action n'a été choisie : rien n'a été modifié.");

    public static Error AdministratorsChangedMeanwhile { get; } = new(ErrorCodes.ConcurrentModification,
        "Les administrateurs de cette entreprise viennent de changer : rien n'a été modifié, voici la situation actuelle.");

    public static Error LastAdministrator { get; } =
        new(ErrorCodes.LastAdministrator, "L'entreprise doit garder au moins un administrateur : nommez-en un autre d'abord.");

    /// <summary>"Quitter cette entreprise" by its last administrator: the company would have nobody to answer its requests.</summary>
    public static Error LastAdministratorCannotLeave { get; } = new(ErrorCodes.LastAdministrator,
        "Vous êtes le dernier administrateur de cette entreprise : nommez d'abord un autre administrateur dans "
        + "« Gérer les utilisateurs », puis vous pourrez la quitter.");

    /// <summary>"Quitter cette entreprise" or "Annuler ma demande" where the person has neither an access nor a pending request.</summary>
    public static Error NothingToLeave { get; } =
        new(ErrorCodes.InvalidValue, "Vous n'avez ni accès ni demande en attente pour cette entreprise : rien n'a été modifié.");

    public static Error RequestNoLongerPending { get; } = new(ErrorCodes.InvalidValue, "Cette demande n'est plus en attente.");

    public static Error ReminderTooSoon { get; } =
        new(ErrorCodes.ReminderTooSoon, "Vous avez déjà relancé cette demande il y a moins de 24 heures.");

    public static Error RemindedMeanwhile { get; } = new(ErrorCodes.ReminderTooSoon, "Cette demande vient d'être relancée.");

    /// <param name="line">The field of a directory error: <c>ligne N</c> of the file.</param>
    public static Error DirectoryColumns(int found, string line) =>
        new(ErrorCodes.InvalidFile, $"3 colonnes attendues (SIREN;code adhérent;raison sociale), {found} trouvée(s).", line);

    public static Error DirectorySirenInvalid(string siren, string line) => new(ErrorCodes.InvalidSiren, $"SIREN invalide : « {siren} ».", line);

    public static Error DirectoryCodeOrNameMissing(string line) =>
        new(ErrorCodes.InvalidValue, "Code adhérent (40 caractères au plus) et raison sociale (200 au plus) obligatoires.", line);

    public static Error DirectorySirenTwice(string siren, string line) =>
        new(ErrorCodes.AlreadyExists, $"Le SIREN {siren} figure deux fois dans le fichier.", line);

    /// <summary>Staff appoint only where nobody administers the company; its administrators decide otherwise.</summary>
    public static Error AlreadyAdministered(IEnumerable<string> administrators) => new(ErrorCodes.AlreadyAdministered,
        $"L'entreprise a déjà un administrateur ({string.Join(", ", administrators)}) : c'est à lui de nommer les autres.");

    /// <summary>Staff's decision lost to a concurrent one: the page shows the company as it is now.</summary>
    public static Error ChangedMeanwhile { get; } =
        new(ErrorCodes.ConcurrentModification, "L'entreprise vient d'être modifiée par quelqu'un d'autre : voici sa situation actuelle.");

    public static Error DirectoryFileMissing(string field) => new(ErrorCodes.Required, "Choisissez le fichier CSV de l'annuaire.", field);

    public static Error DirectoryNoCompany(string field) => new(ErrorCodes.InvalidFile, "Le fichier ne contient aucune entreprise.", field);

    /// <summary>The directory changed between the preview and "Appliquer l'import": nothing applied, the new preview shown.</summary>
    public static Error DirectoryChangedSincePreview { get; } = new(ErrorCodes.DirectoryChanged,
        "L'annuaire a changé depuis l'aperçu : rien n'a été appliqué. Voici l'aperçu à jour ; appliquez-le s'il vous convient.");

    public static Error SearchPageLinkInvalid(string field) =>
        new(ErrorCodes.InvalidValue, "Ce lien de pagination n'est pas valide : revenez à la première page.", field);

    public static Error SearchTextInvalid(string field) =>
        new(ErrorCodes.InvalidValue, "Saisissez un SIREN, un code adhérent ou le début d'une raison sociale (lettres ou chiffres).", field);
}
