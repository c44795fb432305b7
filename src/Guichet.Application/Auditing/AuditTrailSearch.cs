using Guichet.Domain.Auditing;

namespace Guichet.Application.Auditing;

/// <summary>The filters of the audit trail's reader; every one is optional, and each is an exact value but the period.</summary>
/// <param name="From">Paris wall-clock time: entries from this instant on (inclusive).</param>
/// <param name="Before">Paris wall-clock time: entries before this instant (exclusive); later than <paramref name="From"/>.</param>
/// <param name="Actor">Exactly as recorded: <c>staff:&lt;email&gt;</c>, a portal person's email, a login, "operator", "system".</param>
/// <param name="Event">One of <see cref="AuditEvents.All"/>.</param>
/// <param name="Subject">Exactly as recorded: a login, a staff email, a white label's code, <c>SIREN:email</c>…</param>
/// <param name="Cursor">From a previous page's <see cref="AuditTrailPage.Next"/> or <see cref="AuditTrailPage.Previous"/>.</param>
public sealed record AuditTrailSearch(
    DateTime? From = null,
    DateTime? Before = null,
    string? Actor = null,
    string? Event = null,
    Guid? WhiteLabelId = null,
    string? Subject = null,
    string? RemoteAddress = null,
    string? Cursor = null,
    int PageSize = AuditTrailSearch.DefaultPageSize)
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 200;

    /// <summary>The cursor of the last page, whatever the filters.</summary>
    public static string LastPage { get; } = AuditTrailCursor.End.Encode();
}

/// <summary>One entry of the trail as the reader shows and exports it.</summary>
public sealed record AuditTrailRow(
    long Id,
    DateTimeOffset At,
    string Actor,
    string Event,
    Guid? WhiteLabelId,
    string? WhiteLabelName,
    string? Subject,
    string? From,
    string? To,
    string? RemoteAddress,
    string? Detail);
