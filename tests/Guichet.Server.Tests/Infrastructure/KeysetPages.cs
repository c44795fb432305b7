using Guichet.Domain.Common;

namespace Guichet.Server.Tests.Infrastructure;

/// <summary>Reads a keyset-paged list from its first page to its last, the way a person clicking "suivant" would.</summary>
public static class KeysetPages
{
    /// <summary>Every page, following <paramref name="next"/>; fails on an error, stops after 100 pages (a cursor loop).</summary>
    public static async Task<List<TPage>> AllAsync<TPage>(Func<string?, Task<Result<TPage>>> search, Func<TPage, string?> next)
    {
        var pages = new List<TPage>();
        var cursor = (string?)null;
        do
        {
            var result = await search(cursor);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
            pages.Add(result.Value);
            cursor = next(result.Value);
        }
        while (cursor is not null && pages.Count < 100);
        return pages;
    }
}
