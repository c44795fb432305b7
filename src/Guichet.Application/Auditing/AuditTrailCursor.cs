using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Guichet.Application.Auditing;

/// <summary>
/// A position in the audit trail (newest first, ties broken by id) and the way to go from it: <see cref="Older"/>
/// entries come after it, newer ones before it. Opaque to pages: Base64url of <c>o|ticks|id</c> or <c>n|ticks|id</c>.
/// </summary>
public sealed record AuditTrailCursor(bool Older, DateTimeOffset At, long Id)
{
    /// <summary>Before the oldest entry, going forward: the last page, read from the other end of the same index.</summary>
    public static AuditTrailCursor End { get; } = new(false, DateTimeOffset.MinValue, 0);

    public bool IsEnd => this == End;

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(
            $"{(Older ? 'o' : 'n')}|{At.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{Id.ToString(CultureInfo.InvariantCulture)}"));

    public static AuditTrailCursor? Decode(string value)
    {
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(value);
        }
        catch (FormatException)
        {
            return null;
        }

        var parts = Encoding.ASCII.GetString(bytes).Split('|');
        return parts.Length == 3
            && parts[0] is "o" or "n"
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new AuditTrailCursor(parts[0] == "o", new DateTimeOffset(ticks, TimeSpan.Zero), id)
            : null;
    }
}
