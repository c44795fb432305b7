using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;

namespace Guichet.Application.Auditing;

/// <summary>The filters' checks and their SQL, shared by the reader's page (<see cref="SearchAuditTrail"/>) and its export.</summary>
internal static class AuditTrailQuery
{
    /// <summary>Every wrong filter, each under its field: a wrong search runs no query.</summary>
    public static List<Error> Check(AuditTrailSearch search)
    {
        var errors = new List<Error>();
        if (search.From is { } from && search.Before is { } before && from >= before)
        {
            errors.Add(AuditErrors.InvalidPeriod(nameof(search.Before)));
        }

        if (Trimmed(search.Event) is { } @event && !AuditEvents.All.Contains(@event, StringComparer.Ordinal))
        {
            errors.Add(AuditErrors.UnknownEvent(nameof(search.Event), @event));
        }

        void Length(string? value, int max, string field)
        {
            if (Trimmed(value)?.Length > max)
            {
                errors.Add(AuditErrors.FilterTooLong(field, max));
            }
        }

        Length(search.Actor, AuditEntry.MaxActorLength, nameof(search.Actor));
        Length(search.Subject, AuditEntry.MaxSubjectLength, nameof(search.Subject));
        Length(search.RemoteAddress, AuditEntry.MaxRemoteAddressLength, nameof(search.RemoteAddress));
        return errors;
    }

    /// <summary>
    /// The entries the filters keep. Each equality is the head of an index (value, At, Id), so whichever the database
    /// picks, it seeks that value and reads its entries already in the trail's order; the period is a range of At.
    /// </summary>
    public static IQueryable<AuditEntry> Filter(GuichetDbContext db, AuditTrailSearch search)
    {
        var entries = db.AuditEntries.AsQueryable();
        if (search.From is { } from)
        {
            var start = FrenchTime.ToUtc(from);
            entries = entries.Where(e => e.At >= start);
        }

        if (search.Before is { } before)
        {
            var end = FrenchTime.ToUtc(before);
            entries = entries.Where(e => e.At < end);
        }

        if (Trimmed(search.Actor) is { } actor)
        {
            entries = entries.Where(e => e.Actor == actor);
        }

        if (Trimmed(search.Event) is { } @event)
        {
            entries = entries.Where(e => e.Event == @event);
        }

        if (search.WhiteLabelId is { } whiteLabelId)
        {
            entries = entries.Where(e => e.WhiteLabelId == whiteLabelId);
        }

        if (Trimmed(search.Subject) is { } subject)
        {
            entries = entries.Where(e => e.Subject == subject);
        }

        if (Trimmed(search.RemoteAddress) is { } address)
        {
            entries = entries.Where(e => e.RemoteAddress == address);
        }

        return entries;
    }

    /// <summary>Newest first (or oldest first, to read a page backwards).</summary>
    public static IQueryable<AuditEntry> Order(IQueryable<AuditEntry> entries, bool newestFirst) => newestFirst
        ? entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
        : entries.OrderBy(e => e.At).ThenBy(e => e.Id);

    /// <summary>The white label's name is read per row by its key (a handful of rows per page; tens of white labels in all).</summary>
    public static IQueryable<AuditTrailRow> Rows(GuichetDbContext db, IQueryable<AuditEntry> entries) => entries.Select(e => new AuditTrailRow(
        e.Id, e.At, e.Actor, e.Event, e.WhiteLabelId,
        db.WhiteLabels.Where(w => w.Id == e.WhiteLabelId).Select(w => w.Name).FirstOrDefault(),
        e.Subject, e.FromValue, e.ToValue, e.RemoteAddress, e.Detail));

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
