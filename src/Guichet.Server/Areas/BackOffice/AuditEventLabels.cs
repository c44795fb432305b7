using Guichet.Domain.Auditing;

namespace Guichet.Server.Areas.BackOffice;

/// <summary>The French label of each audit event, as the trail's reader shows and exports it (with its code beside it).</summary>
public static class AuditEventLabels
{
    private static readonly Dictionary<string, string> s_labels = new(StringComparer.Ordinal)
    {
        [AuditEvents.AccountRegistered] = "Inscription d'un compte",
        [AuditEvents.RegistrationRepeated] = "Inscription répétée",
        [AuditEvents.AccountModified] = "Compte modifié",
        [AuditEvents.AccountStateChanged] = "Changement d'état d'un compte",
        [AuditEvents.WhiteLabelAuthenticationFailed] = "Échec d'authentification d'une marque blanche",
        [AuditEvents.UserAuthenticationFailed] = "Échec d'authentification d'un utilisateur",
        [AuditEvents.WhiteLabelCreated] = "Marque blanche créée",
        [AuditEvents.AdministratorCreated] = "Administrateur de marque blanche créé",
        [AuditEvents.WhiteLabelSettingChanged] = "Réglage de marque blanche modifié",
        [AuditEvents.WhiteLabelSecretRotated] = "Secret WSSE renouvelé",
        [AuditEvents.WhiteLabelSsoKeyRotated] = "Clé SSO renouvelée",
        [AuditEvents.WhiteLabelDisabled] = "Marque blanche désactivée",
        [AuditEvents.WhiteLabelEnabled] = "Marque blanche réactivée",
        [AuditEvents.AdministratorPasswordReset] = "Mot de passe de l'administrateur de marque blanche réinitialisé",
        [AuditEvents.WhiteLabelPreviousSecretUsed] = "Ancien secret WSSE utilisé (période de grâce)",
        [AuditEvents.WhiteLabelPreviousSsoKeyUsed] = "Ancienne clé SSO utilisée (période de grâce)",
        [AuditEvents.PersonSignedUp] = "Inscription sur le portail",
        [AuditEvents.PersonSignUpReplaced] = "Inscription non validée remplacée par une nouvelle",
        [AuditEvents.PersonEmailConfirmed] = "Adresse électronique confirmée",
        [AuditEvents.PersonPasswordChanged] = "Mot de passe changé (portail)",
        [AuditEvents.PersonDetailsChanged] = "Nom ou choix des outils modifié (portail)",
        [AuditEvents.PersonPasswordChangeFailed] = "Changement de mot de passe refusé (portail)",
        [AuditEvents.PersonSignedIn] = "Connexion au portail",
        [AuditEvents.PersonSignedOut] = "Déconnexion du portail",
        [AuditEvents.PersonPasswordResetRequested] = "Demande de récupération du mot de passe (portail)",
        [AuditEvents.PersonValidationEmailRequested] = "Demande de renvoi de l'email de validation (portail)",
        [AuditEvents.PersonSignUpOnValidatedAddress] = "Inscription avec une adresse déjà validée (portail)",
        [AuditEvents.MembershipFirstAdministrator] = "Premier administrateur d'une entreprise",
        [AuditEvents.MembershipRequested] = "Demande d'accès à une entreprise",
        [AuditEvents.MembershipApproved] = "Demande d'accès acceptée",
        [AuditEvents.MembershipRefused] = "Demande d'accès refusée",
        [AuditEvents.MembershipRevoked] = "Accès à une entreprise retiré",
        [AuditEvents.MembershipMadeAdministrator] = "Nomination d'un administrateur d'entreprise",
        [AuditEvents.MembershipLeft] = "Départ d'une entreprise",
        [AuditEvents.MembershipWithdrawn] = "Demande d'accès annulée",
        [AuditEvents.DirectoryImported] = "Import de l'annuaire des adhérents",
        [AuditEvents.DirectoryCompanyChanged] = "Entreprise modifiée par un import de l'annuaire",
        [AuditEvents.EstablishmentsImported] = "Import des établissements",
        [AuditEvents.EstablishmentChanged] = "Établissement modifié par un import",
        [AuditEvents.EstablishmentAccessGranted] = "Accès partenaire ouvert à un établissement",
        [AuditEvents.EstablishmentAccessRemoved] = "Accès partenaire à un établissement retiré",
        [AuditEvents.EstablishmentCreated] = "Établissement créé (ouverture d'accès)",
        [AuditEvents.StaffMemberCreated] = "Membre de l'équipe créé",
        [AuditEvents.StaffAuthenticationFailed] = "Échec de connexion au back office",
        [AuditEvents.StaffSignedIn] = "Connexion au back office",
        [AuditEvents.StaffPasswordChanged] = "Mot de passe changé (back office)",
        [AuditEvents.StaffTotpEnrolled] = "Authentificateur enregistré",
        [AuditEvents.StaffRecoveryCodeUsed] = "Code de secours utilisé",
        [AuditEvents.StaffMemberDisabled] = "Membre de l'équipe désactivé",
        [AuditEvents.StaffMemberEnabled] = "Membre de l'équipe réactivé",
        [AuditEvents.StaffMemberReset] = "Membre de l'équipe réinitialisé",
        [AuditEvents.StaffSignedOut] = "Déconnexion du back office",
        [AuditEvents.AuditTrailExported] = "Export du journal d'audit",
    };

    /// <summary>The label, or the code itself for an event this version does not know (stored rows outlive their code).</summary>
    public static string Of(string auditEvent) => s_labels.GetValueOrDefault(auditEvent, auditEvent);

    public static bool Has(string auditEvent) => s_labels.ContainsKey(auditEvent);

    /// <summary>Every known event with its label, by label: the choices of the trail's filter.</summary>
    public static IReadOnlyList<(string Code, string Label)> Choices { get; } =
        [.. AuditEvents.All.Select(e => (e, Of(e))).OrderBy(c => c.Item2, StringComparer.Create(new("fr-FR"), ignoreCase: true))];
}
