namespace Guichet.Domain.Security;

/// <summary>
/// A WS-Security nonce already accepted. Kept in the database (unique per white label) so that a replay is refused
/// after a restart and by every instance sharing the database; rows expire with the freshness window.
/// </summary>
public sealed class UsedNonce
{
    public const int MaxLength = 100;

    public long Id { get; set; }

    public Guid WhiteLabelId { get; set; }

    /// <summary>
    /// The nonce's octets in canonical Base64 (<see cref="Canonical"/>), never as the request spelled them: one nonce
    /// written with line breaks or other padding bits is the same nonce.
    /// </summary>
    public required string Nonce { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public static string Canonical(ReadOnlySpan<byte> nonce) => Convert.ToBase64String(nonce);
}
