namespace Guichet.Domain.People;

public enum TokenPurpose
{
    EmailValidation,
    PasswordReset,

    /// <summary>
    /// Not a link: the "already registered" notice sent when a validated address signs up again, recorded as a spent
    /// token so that it counts in the same hourly cap as the links.
    /// </summary>
    SignUpNotice,
}

/// <summary>
/// A single-use link sent by email. Only a SHA-256 of the token is stored, so a database read cannot be turned into
/// a working link; a new token of the same purpose revokes the earlier ones.
/// </summary>
public sealed class PersonToken
{
    public long Id { get; set; }

    public Guid PersonId { get; set; }

    public TokenPurpose Purpose { get; set; }

    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Set when used or revoked; a used token never works again.</summary>
    public DateTimeOffset? ConsumedAt { get; set; }
}
