using System.Globalization;
using Guichet.Application.Accounts;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Auditing;

/// <summary>
/// Every entry the filters keep (all pages), newest first, read as a stream so that the caller writes each entry out
/// as it comes instead of holding a million of them. The export is itself recorded first: who, from where, which filters.
/// </summary>
public sealed class ExportAuditTrail(GuichetDbContext db, AuditTrail audit)
{
    public async Task<Result<IAsyncEnumerable<AuditTrailRow>>> HandleAsync(
        AuditTrailSearch search, StaffCaller actor, CancellationToken cancellationToken)
    {
        var errors = AuditTrailQuery.Check(search);
        if (errors.Count > 0)
        {
            return Result<IAsyncEnumerable<AuditTrailRow>>.Failure(ErrorCodes.ValidationFailed, errors);
        }

        audit.Record(actor.AuditName, AuditEvents.AuditTrailExported, search.WhiteLabelId, null, remoteAddress: actor.RemoteAddress,
            detail: Describe(search));
        await db.SaveChangesAsync(cancellationToken);
        var rows = AuditTrailQuery.Rows(db, AuditTrailQuery.Order(AuditTrailQuery.Filter(db, search).AsNoTracking(), newestFirst: true));
        return Result<IAsyncEnumerable<AuditTrailRow>>.Success(rows.AsAsyncEnumerable());
    }

    /// <summary>The filters as the entry keeps them: <c>name=value</c> pairs, the period in Paris time; "all" when none.</summary>
    private static string Describe(AuditTrailSearch search)
    {
        var filters = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                filters.Add($"{name}={value.Trim()}");
            }
        }

        Add("from", search.From?.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        Add("before", search.Before?.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        Add("actor", search.Actor);
        Add("event", search.Event);
        Add("white_label", search.WhiteLabelId?.ToString());
        Add("subject", search.Subject);
        Add("address", search.RemoteAddress);
        return filters.Count == 0 ? "all" : string.Join("; ", filters);
    }
}
