namespace Guichet.Domain.Security;

/// <summary>
/// A WS-Security nonce already accepted. Kept in the database (unique per white label) so that a replay is refused
/// after a restart and by every instance sharing the database; rows expire with the freshness window.
/// </summary>
public sealed class UsedNonce
{
    public long Id { get; set; }

    public Guid WhiteLabelId { get; set; }

    public required string Nonce { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
