using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Paging;

/// <summary>
/// One page of a search whose matches come from several index ranges (an identifier, a code, a name prefix…), ordered
/// by a text key then an identifier: each range is read from the cursor on, one page at most, and the rows merged here in
/// the databases' own order (code point by code point). A row two ranges find counts once.
/// </summary>
internal static class MergedKeysetPage
{
    /// <param name="fromCursor">A range's rows after the cursor (all of them on the first page), in (key, id) order.</param>
    /// <returns>The page's rows, and the identifier of its last row when another page follows (the next cursor).</returns>
    public static async Task<(List<T> Rows, string? Next)> ReadAsync<T>(IEnumerable<IQueryable<T>> ranges,
        Func<IQueryable<T>, IOrderedQueryable<T>> fromCursor, Func<T, string> key, Func<T, string> id, int pageSize,
        CancellationToken cancellationToken)
        where T : class
    {
        var found = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var range in ranges)
        {
            foreach (var row in await fromCursor(range.AsNoTracking()).Take(pageSize + 1).ToListAsync(cancellationToken))
            {
                found[id(row)] = row;
            }
        }

        var page = found.Values.OrderBy(key, StringComparer.Ordinal).ThenBy(id, StringComparer.Ordinal).Take(pageSize + 1).ToList();
        var next = page.Count > pageSize ? id(page[pageSize - 1]) : null;
        return (page.Take(pageSize).ToList(), next);
    }
}
