using System.Reflection;

namespace Guichet.Domain.Auditing;

/// <summary>
/// Every event name of the audit trail, "capability.verb_noun". Stored rows carry these strings: never change a value,
/// add a new one (some older values do not follow the pattern and keep their spelling).
/// </summary>
public static class AuditEvents
{
    // Accounts (SOAP, enrolment, back office).
    public const string AccountRegistered = "account.registered";
    public const string RegistrationRepeated = "account.registration_repeated";
    public const string AccountModified = "account.modified";
    public const string AccountStateChanged = "account.state_changed";

    // Authentication failures (the maintenance worker deletes the old ones).
    public const string WhiteLabelAuthenticationFailed = "auth.white_label_failed";
    public const string UserAuthenticationFailed = "auth.user_failed";

    // White labels.
    public const string WhiteLabelCreated = "white_label.created";
    public const string AdministratorCreated = "account.administrator_created";
    public const string WhiteLabelSettingChanged = "white_label.setting_changed";
    public const string WhiteLabelSecretRotated = "white_label.secret_rotated";
    public const string WhiteLabelSsoKeyRotated = "white_label.sso_key_rotated";
    public const string WhiteLabelDisabled = "white_label.disabled";
    public const string WhiteLabelEnabled = "white_label.enabled";
    public const string AdministratorPasswordReset = "white_label.administrator_password_reset";

    // A call authenticated with the secret or key a rotation replaced, during its grace: who has not switched yet.
    public const string WhiteLabelPreviousSecretUsed = "white_label.previous_secret_used";
    public const string WhiteLabelPreviousSsoKeyUsed = "white_label.previous_sso_key_used";

    // People.
    public const string PersonSignedUp = "person.signed_up";

    /// <summary>A sign-up with an address known but not validated yet replaced the pending registration (its links revoked).</summary>
    public const string PersonSignUpReplaced = "person.sign_up_replaced";
    public const string PersonEmailConfirmed = "person.email_confirmed";
    public const string PersonPasswordChanged = "person.password_changed";
    public const string PersonSignedIn = "person.signed_in";
    public const string PersonSignedOut = "person.signed_out";

    /// <summary>
    /// An anonymous form asked for a link ("Récupérer mon mot de passe", "Renvoyer à nouveau l'email"), or signed up
    /// with a validated address: recorded on every path, known address or not (detail: what was done).
    /// </summary>
    public const string PersonPasswordResetRequested = "person.password_reset_requested";
    public const string PersonValidationEmailRequested = "person.validation_email_requested";
    public const string PersonSignUpOnValidatedAddress = "person.sign_up_on_validated_address";

    /// <summary>"Mon compte": first name, last name or the contributions-only choice changed (from/to).</summary>
    public const string PersonDetailsChanged = "person.details_changed";

    /// <summary>A wrong current password on "Changer mon mot de passe", or one tried while the brake waits.</summary>
    public const string PersonPasswordChangeFailed = "person.password_change_failed";

    // Companies: access requests and the administrators' decisions.
    public const string MembershipFirstAdministrator = "membership.first_administrator";
    public const string MembershipRequested = "membership.requested";
    public const string MembershipApproved = "membership.approve";
    public const string MembershipRefused = "membership.refuse";
    public const string MembershipRevoked = "membership.revoke";
    public const string MembershipMadeAdministrator = "membership.makeadministrator";

    /// <summary>The person left the company themselves ("Quitter cette entreprise").</summary>
    public const string MembershipLeft = "membership.left";

    /// <summary>The person withdrew their pending request ("Annuler ma demande").</summary>
    public const string MembershipWithdrawn = "membership.request_withdrawn";
    public const string DirectoryImported = "directory.imported";

    /// <summary>One line per company whose member code or name an import changed: from and to are <c>code · name</c>.</summary>
    public const string DirectoryCompanyChanged = "directory.company_changed";

    // Partners: the establishments of training bodies.
    public const string EstablishmentsImported = "partner.establishments_imported";

    /// <summary>One line per establishment an import changed: subject the SIRET, from and to the names, detail every field changed.</summary>
    public const string EstablishmentChanged = "partner.establishment_changed";
    // Partenaire space: staff open and remove a person's access to establishments (subject: the person's email; detail:
    // the SIRET), creating an establishment on the way when it is not known yet (subject: its SIRET).
    public const string EstablishmentAccessGranted = "partner.access_granted";
    public const string EstablishmentAccessRemoved = "partner.access_removed";
    public const string EstablishmentCreated = "partner.establishment_created";

    // Staff (the back office's own accounts).
    public const string StaffMemberCreated = "staff.member_created";
    public const string StaffAuthenticationFailed = "staff.authentication_failed";
    public const string StaffSignedIn = "staff.signed_in";
    public const string StaffPasswordChanged = "staff.password_changed";
    public const string StaffTotpEnrolled = "staff.totp_enrolled";
    public const string StaffRecoveryCodeUsed = "staff.recovery_code_used";
    public const string StaffMemberDisabled = "staff.member_disabled";
    public const string StaffMemberEnabled = "staff.member_enabled";
    public const string StaffMemberReset = "staff.member_reset";
    public const string StaffSignedOut = "staff.signed_out";

    // The audit trail itself.
    public const string AuditTrailExported = "audit.trail_exported";

    /// <summary>Every value above, in declaration order (the trail's filter offers them).</summary>
    public static IReadOnlyList<string> All { get; } =
        [
            .. typeof(AuditEvents).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral)
                .Select(f => (string)f.GetRawConstantValue()!),
        ];
}
