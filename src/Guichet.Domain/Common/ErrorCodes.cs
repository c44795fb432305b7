namespace Guichet.Domain.Common;

/// <summary>Stable codes integrators and pages rely on. Never rename one: add a new one.</summary>
public static class ErrorCodes
{
    // Request level.
    public const string ValidationFailed = "VALIDATION_FAILED";
    public const string MalformedRequest = "MALFORMED_REQUEST";
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string InternalError = "INTERNAL_ERROR";

    // Authentication and authorization.
    public const string WhiteLabelAuthenticationFailed = "WHITE_LABEL_AUTHENTICATION_FAILED";
    public const string SecurityTokenExpired = "SECURITY_TOKEN_EXPIRED";
    public const string NonceReplayed = "NONCE_REPLAYED";
    public const string UserAuthenticationFailed = "USER_AUTHENTICATION_FAILED";
    public const string UserTemporarilyLocked = "USER_TEMPORARILY_LOCKED";
    public const string TooManyFailedAuthentications = "TOO_MANY_FAILED_AUTHENTICATIONS";
    public const string PasswordExpired = "PASSWORD_EXPIRED";
    public const string AccessDenied = "ACCESS_DENIED";
    public const string AccountNotActive = "ACCOUNT_NOT_ACTIVE";
    public const string AccountNotFound = "ACCOUNT_NOT_FOUND";

    /// <summary>The white label's credentials are right but the back office has disabled it: every call is refused.</summary>
    public const string WhiteLabelDisabled = "WHITE_LABEL_DISABLED";

    // Business rules.
    public const string TransitionNotAllowed = "TRANSITION_NOT_ALLOWED";
    public const string ConcurrentModification = "CONCURRENT_MODIFICATION";
    public const string SecondaryQuotaReached = "SECONDARY_QUOTA_REACHED";

    // Field level.
    public const string Required = "REQUIRED";
    public const string TooLong = "TOO_LONG";
    public const string NotNumeric = "NOT_NUMERIC";
    public const string InvalidLength = "INVALID_LENGTH";
    public const string InvalidValue = "INVALID_VALUE";
    public const string InvalidSiret = "INVALID_SIRET";
    public const string InvalidVatNumber = "INVALID_VAT_NUMBER";
    public const string InvalidPostalCode = "INVALID_POSTAL_CODE";
    public const string InvalidCountry = "INVALID_COUNTRY";
    public const string InvalidEmail = "INVALID_EMAIL";
    public const string InvalidPhone = "INVALID_PHONE";
    public const string InvalidDate = "INVALID_DATE";
    public const string DateInFuture = "DATE_IN_FUTURE";
    public const string WeakPassword = "WEAK_PASSWORD";
    public const string NoTeleprocedure = "NO_TELEPROCEDURE";
    public const string OutOfRange = "OUT_OF_RANGE";
    public const string AlreadyExists = "ALREADY_EXISTS";
    public const string NotModifiable = "NOT_MODIFIABLE";
    public const string InvalidAccountName = "INVALID_ACCOUNT_NAME";
    public const string ReservedPasswordPrefix = "RESERVED_PASSWORD_PREFIX";

    // Portal.
    public const string Mismatch = "MISMATCH";
    public const string EmailNotConfirmed = "EMAIL_NOT_CONFIRMED";
    public const string TokenInvalid = "TOKEN_INVALID";
    public const string TokenExpired = "TOKEN_EXPIRED";
    public const string TokenUsed = "TOKEN_USED";
    public const string EmailAlreadyConfirmed = "EMAIL_ALREADY_CONFIRMED";
    public const string InvalidSiren = "INVALID_SIREN";
    public const string UnknownMember = "UNKNOWN_MEMBER";
    public const string AlreadyMember = "ALREADY_MEMBER";
    public const string AlreadyRequested = "ALREADY_REQUESTED";
    public const string ReminderTooSoon = "REMINDER_TOO_SOON";
    public const string LastAdministrator = "LAST_ADMINISTRATOR";
    public const string InvalidFile = "INVALID_FILE";

    // Back-office staff.
    public const string StaffNotFound = "STAFF_NOT_FOUND";
    public const string InvalidCode = "INVALID_CODE";
    public const string PasswordChangeRequired = "PASSWORD_CHANGE_REQUIRED";
    public const string TotpNotEnrolled = "TOTP_NOT_ENROLLED";
    public const string TotpAlreadyEnrolled = "TOTP_ALREADY_ENROLLED";
    public const string TotpEnrolmentNotStarted = "TOTP_ENROLMENT_NOT_STARTED";
    public const string OwnStaffAccount = "OWN_STAFF_ACCOUNT";
    public const string AlreadyAdministered = "ALREADY_ADMINISTERED";
    public const string StagedImportNotFound = "STAGED_IMPORT_NOT_FOUND";
    public const string StagedImportExpired = "STAGED_IMPORT_EXPIRED";
    public const string DirectoryChanged = "DIRECTORY_CHANGED";
    public const string FileTooLarge = "FILE_TOO_LARGE";

    // Partenaire space: the accesses staff open and remove.
    public const string PersonNotFound = "PERSON_NOT_FOUND";
    public const string UnknownEstablishment = "UNKNOWN_ESTABLISHMENT";
    public const string AlreadyGranted = "ALREADY_GRANTED";
    public const string AccessNotFound = "ACCESS_NOT_FOUND";
}
