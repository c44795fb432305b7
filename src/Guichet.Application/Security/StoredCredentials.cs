using Guichet.Application.Accounts;
using Guichet.Domain.Accounts;

namespace Guichet.Application.Security;

/// <summary>What a SOAP caller's check needs of its row: its facts, its hash, and what a success updates or decides.</summary>
public sealed record StoredCredentials(AccountFacts Facts, string PasswordHash, DateTimeOffset PasswordChangedAt, DateTimeOffset? ReceiptExpiresAt)
{
    public static StoredCredentials Of(Account row) => new(AccountFacts.Of(row), row.PasswordHash, row.PasswordChangedAt, row.ReceiptExpiresAt);
}

/// <summary>
/// A login's credentials (null: no account of the white label has it) and its brake's columns (null failures: no brake
/// row), read before the white label's token was proven: used only once it is (<see cref="UserAuthenticator"/>).
/// </summary>
public sealed record CallerRead(Guid WhiteLabelId, string Login, StoredCredentials? Credentials, int? Failures, DateTimeOffset? BlockedUntil);
