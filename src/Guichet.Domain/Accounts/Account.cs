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

    /// <summary>When the account entered its <see cref="State"/>: how long a file has been waiting (see <see cref="EnterState"/>).</summary>
    public DateTimeOffset StateChangedAt { get; set; }

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

    /// <summary>The registration file; null for administrators. Whoever sets it calls <see cref="IndexFile"/>.</summary>
    public AccountData? Data { get; set; }

    /// <summary>The file's SIRET (14 digits), copied from <see cref="Data"/> so that the back office finds it in SQL.</summary>
    public string? Siret { get; set; }

    /// <summary>The file's company name as written, copied from <see cref="Data"/>.</summary>
    public string? CompanyName { get; set; }

    /// <summary><see cref="CompanyName"/> in its search form (<see cref="SearchKeys.Text"/>): searched by prefix.</summary>
    public string? CompanyNameKey { get; set; }

    /// <summary>The manager's email in its search form (<see cref="SearchKeys.Email"/>).</summary>
    public string? ManagerEmail { get; set; }

    /// <summary>
    /// Which version of <see cref="IndexFile"/> filled the search columns: rows below <see cref="CurrentFileIndexVersion"/>
    /// (written before the columns existed, or before a change of their rules) are indexed again on start.
    /// </summary>
    public int FileIndexVersion { get; set; }

    /// <summary>Raise it when <see cref="IndexFile"/> changes: every file is then indexed again on start.</summary>
    public const int CurrentFileIndexVersion = 1;

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

    public bool PasswordExpired(DateTimeOffset now) => PasswordExpiredSince(PasswordChangedAt, now);

    /// <summary>Whether a password changed at <paramref name="changedAt"/> has expired (for a row read in part).</summary>
    public static bool PasswordExpiredSince(DateTimeOffset changedAt, DateTimeOffset now) => now - changedAt > PasswordLifetime;

    public void Touch() => Version = Guid.NewGuid();

    /// <summary>Moves to <paramref name="state"/> at <paramref name="at"/>; the caller records why (audit) and saves.</summary>
    public void EnterState(AccountState state, DateTimeOffset at)
    {
        State = state;
        StateChangedAt = at;
        Touch();
    }

    /// <summary>
    /// Copies what the back office searches on from the registration file into columns of their own (the file is stored
    /// as JSON, which neither provider can index portably). Called wherever <see cref="Data"/> is set.
    /// </summary>
    public void IndexFile()
    {
        Siret = SearchKeys.Digits(Data?.Siret) is { Length: Identifiers.Siret.Length } siret ? siret : null;
        CompanyName = Cut(string.IsNullOrWhiteSpace(Data?.CompanyName) ? null : Data.CompanyName.Trim(), AccountData.MaxCompanyNameLength);
        CompanyNameKey = Cut(SearchKeys.Text(CompanyName), MaxCompanyNameKeyLength);
        ManagerEmail = Cut(SearchKeys.Email(Data?.Manager?.Email), Identifiers.EmailAddress.MaxLength);
        FileIndexVersion = CurrentFileIndexVersion;

        static string? Cut(string? value, int length) => value is { } text && text.Length > length ? text[..length] : value;
    }

    /// <summary>Room for ligatures spelled out (œ → oe) in the key of a 35-character name.</summary>
    public const int MaxCompanyNameKeyLength = 2 * AccountData.MaxCompanyNameLength;

    public void ForgetReceipt()
    {
        ReceiptPasswordProtected = null;
        ReceiptRequestHash = null;
        ReceiptExpiresAt = null;
    }

    /// <summary>
    /// What enrolment records from the file: the mailbox, the subscriptions and the PED in force
    /// (<see cref="EnrolmentFacts.Record"/>). Every modification of an enrolled account calls it, so that the record
    /// follows the file; the enrolment worker computes the same record from the columns alone.
    /// </summary>
    /// <param name="primary">The secondary's primary; null for a primary.</param>
    public void RecordEnrolment(WhiteLabel whiteLabel, Account? primary)
    {
        (Mailbox, Subscriptions, EdiPartnerNumber) = new EnrolmentFacts(Kind, Login, WantsMailbox, Data,
            primary is not null, primary?.Data, whiteLabel.MailDomain, whiteLabel.DefaultEdiPartnerNumber).Record();
    }
}
