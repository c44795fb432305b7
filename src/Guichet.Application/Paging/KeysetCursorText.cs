using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Guichet.Application.Paging;

/// <summary>
/// The text of a position in a list read newest first by (instant, id): Base64url of <c>o|ticks|id</c> (older rows come
/// after it) or <c>n|ticks|id</c> (newer rows come before it). Opaque to pages; each list parses its own id.
/// </summary>
internal static class KeysetCursorText
{
    public static string Encode(bool older, DateTimeOffset at, string id) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes($"{(older ? 'o' : 'n')}|{at.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{id}"));

    /// <summary>False for anything this did not encode: not Base64url, not three parts, not a direction, not an instant.</summary>
    public static bool TryDecode(string value, out bool older, out DateTimeOffset at, out string id)
    {
        (older, at, id) = (false, default, string.Empty);
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(value);
        }
        catch (FormatException)
        {
            return false;
        }

        var parts = Encoding.ASCII.GetString(bytes).Split('|');
        if (parts is not [var direction and ("o" or "n"), var text, var key]
            || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        (older, at, id) = (direction == "o", new DateTimeOffset(ticks, TimeSpan.Zero), key);
        return true;
    }
}
