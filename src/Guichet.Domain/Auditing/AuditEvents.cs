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
}
