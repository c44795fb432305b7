namespace Guichet.Domain.Auditing;

public static class AuditEvents
{
    public const string AccountRegistered = "account.registered";
    public const string RegistrationRepeated = "account.registration_repeated";
    public const string AccountModified = "account.modified";
    public const string AccountStateChanged = "account.state_changed";
    public const string WhiteLabelAuthenticationFailed = "auth.white_label_failed";
    public const string UserAuthenticationFailed = "auth.user_failed";
    public const string WhiteLabelCreated = "white_label.created";
    public const string AdministratorCreated = "account.administrator_created";
    public const string StaffMemberCreated = "staff.member_created";
    public const string StaffAuthenticationFailed = "staff.authentication_failed";
    public const string StaffSignedIn = "staff.signed_in";
    public const string StaffPasswordChanged = "staff.password_changed";
    public const string StaffTotpEnrolled = "staff.totp_enrolled";
    public const string StaffRecoveryCodeUsed = "staff.recovery_code_used";
    public const string StaffMemberDisabled = "staff.member_disabled";
    public const string StaffMemberEnabled = "staff.member_enabled";
    public const string StaffMemberReset = "staff.member_reset";
}
