using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Guichet.Application.Accounts.Files;

/// <summary>
/// A position in the file list (newest first, ties broken by id) and the way to go from it: <see cref="Older"/> pages
/// come after it, newer ones before it. Opaque to pages: Base64url of <c>o|ticks|id</c> or <c>n|ticks|id</c>.
/// </summary>
public sealed record FileListCursor(bool Older, DateTimeOffset CreatedAt, Guid Id)
{
    /// <summary>
    /// Past the oldest file, going back: the last page (a "last page" link), read from the other end of the same index.
    /// No file is older than the Unix epoch.
    /// </summary>
    public static FileListCursor End { get; } = new(false, DateTimeOffset.UnixEpoch, Guid.Empty);

    public bool IsEnd => this == End;

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(
            $"{(Older ? 'o' : 'n')}|{CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{Id:N}"));

    public static FileListCursor? Decode(string value)
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
            && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks
            && Guid.TryParseExact(parts[2], "N", out var id)
            ? new FileListCursor(parts[0] == "o", new DateTimeOffset(ticks, TimeSpan.Zero), id)
            : null;
    }
}
