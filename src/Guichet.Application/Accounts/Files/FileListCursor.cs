using Guichet.Application.Paging;

namespace Guichet.Application.Accounts.Files;

/// <summary>
/// A position in the file list (newest first, ties broken by id) and the way to go from it: <see cref="Older"/> pages
/// come after it, newer ones before it. Its text is a <see cref="KeysetCursorText"/>.
/// </summary>
public sealed record FileListCursor(bool Older, DateTimeOffset CreatedAt, Guid Id)
{
    /// <summary>
    /// Past the oldest file, going back: the last page (a "last page" link), read from the other end of the same index.
    /// No file is older than the Unix epoch.
    /// </summary>
    public static FileListCursor End { get; } = new(false, DateTimeOffset.UnixEpoch, Guid.Empty);

    public bool IsEnd => this == End;

    public string Encode() => KeysetCursorText.Encode(Older, CreatedAt, Id.ToString("N"));

    public static FileListCursor? Decode(string value) =>
        KeysetCursorText.TryDecode(value, out var older, out var at, out var key) && Guid.TryParseExact(key, "N", out var id)
            ? new FileListCursor(older, at, id)
            : null;
}
