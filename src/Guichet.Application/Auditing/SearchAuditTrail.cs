using Guichet.Data;
using Guichet.Domain.Accounts;
using Guichet.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Auditing;

/// <summary>An entry of a page, with the folder number of the registration file its subject is the login of, if any.</summary>
public sealed record AuditTrailPageRow(AuditTrailRow Entry, string? FileFolderNumber);

/// <summary>A page of the trail, newest first; <see cref="Next"/> (older entries) and <see cref="Previous"/> are null at the ends.</summary>
public sealed record AuditTrailPage(IReadOnlyList<AuditTrailPageRow> Rows, string? Next, string? Previous);

/// <summary>
/// The back office's audit trail reader: the filters of <see cref="AuditTrailSearch"/>, newest first, paged by keyset
/// on (At, Id) so that the last page of a million entries costs what the first does (see <see cref="AuditTrailQuery"/>).
/// </summary>
public sealed class SearchAuditTrail(GuichetDbContext db)
{
    public async Task<Result<AuditTrailPage>> HandleAsync(AuditTrailSearch search, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        if (search.PageSize is < 1 or > AuditTrailSearch.MaxPageSize)
        {
            errors.Add(AuditErrors.PageSizeOutOfRange(nameof(search.PageSize), AuditTrailSearch.MaxPageSize));
        }

        errors.AddRange(AuditTrailQuery.Check(search));
        var cursor = search.Cursor is { Length: > 0 } encoded ? AuditTrailCursor.Decode(encoded) : null;
        if (search.Cursor is { Length: > 0 } && cursor is null)
        {
            errors.Add(AuditErrors.InvalidCursor(nameof(search.Cursor)));
        }

        if (errors.Count > 0)
        {
            return Result<AuditTrailPage>.Failure(ErrorCodes.ValidationFailed, errors);
        }

        var older = cursor?.Older ?? true;
        var entries = AuditTrailQuery.Filter(db, search).AsNoTracking();
        if (cursor is not null)
        {
            var (at, id) = (cursor.At, cursor.Id);
            // (At, Id) beyond the cursor, with a plain range on At first: it is what the index seeks.
            entries = older
                ? entries.Where(e => e.At <= at && (e.At < at || e.Id < id))
                : entries.Where(e => e.At >= at && (e.At > at || e.Id > id));
        }

        var rows = await AuditTrailQuery.Rows(db, AuditTrailQuery.Order(entries, older).Take(search.PageSize + 1)).ToListAsync(cancellationToken);
        var more = rows.Count > search.PageSize;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        // Read backwards, then shown newest first.
        rows = older ? rows : [.. rows.OrderByDescending(r => r.At).ThenByDescending(r => r.Id)];

        // Going back, the page we came from is after this one (unless we came from the end); going forward (but from the
        // start), before it.
        var hasOlder = older ? more : cursor is not null && !cursor.IsEnd;
        var hasNewer = older ? cursor is not null : more;
        var files = await FilesAsync(rows, cancellationToken);
        return new AuditTrailPage(
            [.. rows.Select(r =>
                new AuditTrailPageRow(r, r is { WhiteLabelId: not null, Subject: { } login } ? files.GetValueOrDefault(login) : null))],
            hasOlder && rows.Count > 0 ? new AuditTrailCursor(true, rows[^1].At, rows[^1].Id).Encode() : null,
            hasNewer && rows.Count > 0 ? new AuditTrailCursor(false, rows[0].At, rows[0].Id).Encode() : null);
    }

    /// <summary>The registration files whose login is the subject of an entry of a white label: one seek of the login index.</summary>
    private async Task<Dictionary<string, string>> FilesAsync(List<AuditTrailRow> rows, CancellationToken cancellationToken)
    {
        var logins = rows.Where(r => r.WhiteLabelId is not null && r.Subject is not null).Select(r => r.Subject!).Distinct().ToList();
        if (logins.Count == 0)
        {
            return [];
        }

        return await db.Accounts.AsNoTracking().Where(a => logins.Contains(a.Login) && a.Kind != AccountKind.Administrator)
            .Select(a => new { a.Login, a.FolderNumber }).ToDictionaryAsync(a => a.Login, a => a.FolderNumber, cancellationToken);
    }
}
