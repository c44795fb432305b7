using System.Globalization;
using Guichet.Application.Paging;

namespace Guichet.Application.Auditing;

/// <summary>
/// A position in the audit trail (newest first, ties broken by id) and the way to go from it: <see cref="Older"/>
/// entries come after it, newer ones before it. Its text is a <see cref="KeysetCursorText"/>.
/// </summary>
public sealed record AuditTrailCursor(bool Older, DateTimeOffset At, long Id)
{
    /// <summary>Before the oldest entry, going forward: the last page, read from the other end of the same index.</summary>
    public static AuditTrailCursor End { get; } = new(false, DateTimeOffset.MinValue, 0);

    public bool IsEnd => this == End;

    public string Encode() => KeysetCursorText.Encode(Older, At, Id.ToString(CultureInfo.InvariantCulture));

    public static AuditTrailCursor? Decode(string value) =>
        KeysetCursorText.TryDecode(value, out var older, out var at, out var key)
        && long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new AuditTrailCursor(older, at, id)
            : null;
}
