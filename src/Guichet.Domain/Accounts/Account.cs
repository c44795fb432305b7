using Guichet.Domain.WhiteLabels;

namespace Guichet.Domain.Accounts;

/// <summary>A registered account of a white label: its identity, its state and its registration file.</summary>
public sealed class Account
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid WhiteLabelId { get; set; }

    public AccountKind Kind { get; set; }

    /// <summary>Final login, lower case, unique system-wide (a secondary's contains its primary's after a '.').</summary>
    public required string Login { get; set; }

    /// <summary>Unique, human-readable id of the registration file.</summary>
    public required string FolderNumber { get; set; }

    public Guid? PrimaryAccountId { get; set; }

    public Account? PrimaryAccount { get; set; }

    public AccountState State { get; set; }

    public AccountCategory? Category { get; set; }

    public bool IsTest { get; set; }

    /// <summary>Secondaries this primary may open (its own allowance, within the white label's maximum).</summary>
    public int SecondaryAllowance { get; set; }

    /// <summary><c>login@maildomain</c> once enrolled, unless a secondary declined a mailbox.</summary>
    public string? Mailbox { get; set; }

    public bool WantsMailbox { get; set; }

    /// <summary>Teleprocedures applied at enrolment, comma-separated.</summary>
    public string? Subscriptions { get; set; }

    /// <summary>The EDI partner number in force (see <see cref="RecordEnrolment"/>).</summary>
    public string? EdiPartnerNumber { get; set; }

    public required string PasswordHash { get; set; }

    public DateTimeOffset PasswordChangedAt { get; set; }

    /// <summary>The registration file; null for administrators.</summary>
    public AccountData? Data { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? EnrolledAt { get; set; }

    /// <summary>
    /// The registration's answer, kept so that a white label retrying the same request (its first answer lost) gets the
    /// same folder number, login and password: the password encrypted, the file as a hash. Forgotten at the account's
    /// first successful authentication or after <see cref="ReceiptLifetime"/>.
    /// </summary>
    public string? ReceiptPasswordProtected { get; set; }

    /// <summary>SHA-256 of the registration request as received (see RegistrationReceipts).</summary>
    public string? ReceiptRequestHash { get; set; }

    public DateTimeOffset? ReceiptExpiresAt { get; set; }

    /// <summary>Optimistic concurrency token, renewed on every change.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public static readonly TimeSpan ReceiptLifetime = TimeSpan.FromHours(24);

    /// <summary>Seed 004: a password expires after 18 months.</summary>
    public static readonly TimeSpan PasswordLifetime = TimeSpan.FromDays(548);

    /// <summary>Logins are case-insensitive: every login (or name part of one) is compared and stored in this form.</summary>
    public static string NormalizeLogin(string? login) => login?.Trim().ToLowerInvariant() ?? string.Empty;

    /// <summary>
    /// Whether a normalised login has the shape of one: an account name, or a secondary's <c>name.primary</c>, each
    /// part 1 to 15 letters, digits, '-' or '_'. Anything else cannot exist and is refused before the brake records it.
    /// </summary>
    public static bool IsPossibleLogin(string login)
    {
        if (login.Length > 2 * AccountRules.MaxLoginLength + 1)
        {
            return false;
        }

        var parts = login.Split('.');
        return parts.Length <= 2
            && parts.All(part => part.Length <= AccountRules.MaxLoginLength && AccountDataValidator.IsWellFormedAccountName(part));
    }

    public bool PasswordExpired(DateTimeOffset now) => now - PasswordChangedAt > PasswordLifetime;

    public void Touch() => Version = Guid.NewGuid();

    public void ForgetReceipt()
    {
        ReceiptPasswordProtected = null;
        ReceiptRequestHash = null;
        ReceiptExpiresAt = null;
    }

    /// <summary>
    /// What enrolment records from the file: the mailbox, the subscriptions and the PED in force. Enrolment calls it,
    /// and so does every modification of an enrolled account, so that the record follows the file. A secondary's PED
    /// is its primary's (§3.3.2 and §4.3.2: "hérite du partenaire EDI configuré au niveau de leur compte primaire");
    /// a PED in a secondary's own file is kept there but has no effect.
    /// </summary>
    /// <param name="primary">The secondary's primary; null for a primary.</param>
    public void RecordEnrolment(WhiteLabel whiteLabel, Account? primary)
    {
        Mailbox = WantsMailbox ? $"{Login}@{whiteLabel.MailDomain}" : null;
        Subscriptions = string.Join(',', Data?.Teleprocedures?.Distinct() ?? []);
        EdiPartnerNumber = Kind == AccountKind.Secondary
            ? (primary ?? throw new InvalidOperationException($"The record of secondary {Login} needs its primary.")).EdiPartnerNumberOfFile(whiteLabel)
            : EdiPartnerNumberOfFile(whiteLabel);
    }

    /// <summary>§2.3.1: the file's PED, or the white label's when the file gives none.</summary>
    private string? EdiPartnerNumberOfFile(WhiteLabel whiteLabel) =>
        string.IsNullOrWhiteSpace(Data?.EdiPartnerNumber) ? whiteLabel.DefaultEdiPartnerNumber : Data.EdiPartnerNumber;
}
