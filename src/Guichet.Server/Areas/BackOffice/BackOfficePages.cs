namespace Guichet.Server.Areas.BackOffice;

/// <summary>Names of the back office's pages, for <c>RedirectToPage</c>, <c>asp-page</c> and the cookie's paths.</summary>
public static class BackOfficePages
{
    public const string Area = "BackOffice";

    /// <summary>Every back-office address is under this one, and so is its cookie.</summary>
    public const string PathBase = "/back-office";

    public const string SignIn = "/Connexion";
    public const string SignInNewPassword = "/Connexion/NouveauMotDePasse";
    public const string SignInAuthenticator = "/Connexion/Authentificateur";
    public const string SignInCode = "/Connexion/Code";
    public const string SignOut = "/Deconnexion";
    public const string AccessDenied = "/AccesRefuse";

    /// <summary>Tableau de bord: files per state, the oldest waiting.</summary>
    public const string Dashboard = "/Index";

    /// <summary>The registration files' list, its filters and its bulk actions.</summary>
    public const string Files = "/Dossiers/Index";

    /// <summary>One registration file, by its folder number (route value <c>folderNumber</c>).</summary>
    public const string File = "/Dossiers/Dossier";

    /// <summary>The audit trail's reader and its CSV export (every staff member).</summary>
    public const string AuditTrail = "/Journal/Index";

    /// <summary>Staff administration (administrators only): the list, a new member, one member's actions.</summary>
    public const string Team = "/Equipe/Index";
    public const string TeamNewMember = "/Equipe/Ajouter";
    public const string TeamMember = "/Equipe/Membre";

    /// <summary>White labels (administrators only): the list, a new one, one white label's page and actions, its edit form.</summary>
    public const string WhiteLabels = "/MarquesBlanches/Index";
    public const string NewWhiteLabel = "/MarquesBlanches/Nouvelle";
    public const string WhiteLabel = "/MarquesBlanches/MarqueBlanche";
    public const string EditWhiteLabel = "/MarquesBlanches/Modifier";

    /// <summary>The folder of the white labels' pages, for its policy (a folder, not a page name).</summary>
    public static readonly string WhiteLabelsFolder = "/MarquesBlanches";
    /// <summary>
    /// The member directory: the search, the CSV upload, its preview and apply (route value <c>importId</c>), one company
    /// (route value <c>companyId</c>) and the staff's actions on it.
    /// </summary>
    public const string Directory = "/Annuaire/Index";
    public const string DirectoryImport = "/Annuaire/Import";
    public const string DirectoryImportPreview = "/Annuaire/Apercu";
    public const string DirectoryCompany = "/Annuaire/Entreprise";

    /// <summary>
    /// The establishments of the Partenaire space: the search, the CSV upload, its preview and apply (route value
    /// <c>importId</c>), one establishment and who holds access to it (route value <c>siret</c>).
    /// </summary>
    public const string Establishments = "/Etablissements/Index";
    public const string EstablishmentsImport = "/Etablissements/Import";
    public const string EstablishmentsImportPreview = "/Etablissements/Apercu";
    public const string Establishment = "/Etablissements/Etablissement";

    /// <summary>
    /// Partner access (every staff member): find a person (or see the queue of Partenaire sign-ups waiting), then one
    /// person's establishments (route value <c>personId</c>), where staff grant and remove them.
    /// </summary>
    public const string Partners = "/Partenaires/Index";
    public const string PartnerPerson = "/Partenaires/Personne";

    /// <summary>The folder of the staff administration's pages, for its policy (a folder, not a page name).</summary>
    public static readonly string TeamFolder = "/Equipe";

    /// <summary>Open to anyone; every other back-office page needs <see cref="BackOfficePolicies.Staff"/>.</summary>
    public static readonly IReadOnlyList<string> Anonymous = [SignIn];

    /// <summary>The sign-in's later steps: open with the pending cookie only (<see cref="BackOfficePolicies.PendingSignIn"/>).</summary>
    public static readonly IReadOnlyList<string> SignInSteps = [SignInNewPassword, SignInAuthenticator, SignInCode];
}
