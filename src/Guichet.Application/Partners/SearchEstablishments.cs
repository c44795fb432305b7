using Guichet.Application.Paging;
using Guichet.Data;
using Guichet.Domain.Accounts;
using Guichet.Domain.Common;
using Guichet.Domain.Partners;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Partners;

/// <param name="Text">
/// A SIRET (14 digits, blanks allowed), a SIREN (9 digits: every establishment of the training body) or the start of a
/// name (case, accents and punctuation aside); none: every establishment.
/// </param>
/// <param name="After">The last SIRET of the previous page (the cursor of the next one).</param>
public sealed record EstablishmentSearch(string? Text = null, string? After = null, int PageSize = EstablishmentSearch.DefaultPageSize)
{
    public const int DefaultPageSize = 50;
}

/// <summary>An establishment as the back office lists it, with how many people hold access to it.</summary>
public sealed record EstablishmentRow(string Siret, string Name, string PostalCode, string City, int People);

/// <param name="Next">The cursor of the next page; null on the last one.</param>
public sealed record EstablishmentPage(IReadOnlyList<EstablishmentRow> Rows, string? Next);

/// <summary>
/// The establishments' search, in name order (then SIRET), paged by keyset: each kind of match is an index range
/// (<c>Siret</c>, <c>Siren</c>, <c>(NameKey, Siret)</c>) read from the cursor on, one page at most, merged here.
/// </summary>
public sealed class SearchEstablishments(GuichetDbContext db)
{
    public async Task<Result<EstablishmentPage>> HandleAsync(EstablishmentSearch search, string field, CancellationToken cancellationToken)
    {
        var text = search.Text?.Trim();
        var key = SearchKeys.Text(text);
        if (!string.IsNullOrEmpty(text) && key is null)
        {
            return PartnerErrors.SearchTextInvalid(field);
        }

        (string Key, string Siret)? after = null;
        if (!string.IsNullOrEmpty(search.After))
        {
            var last = await db.Establishments.AsNoTracking().Where(e => e.Siret == search.After)
                .Select(e => new { e.NameKey, e.Siret }).SingleOrDefaultAsync(cancellationToken);
            if (last is null)
            {
                return PartnerErrors.SearchPageLinkInvalid(field);
            }

            after = (last.NameKey, last.Siret);
        }

        var branches = new List<IQueryable<Establishment>>();
        if (key is null)
        {
            branches.Add(db.Establishments);
        }
        else
        {
            switch (SearchKeys.Digits(text))
            {
                case { Length: Identifiers.Siret.Length } siret:
                    branches.Add(db.Establishments.Where(e => e.Siret == siret));
                    break;
                case { Length: Identifiers.Siren.Length } siren:
                    branches.Add(db.Establishments.Where(e => e.Siren == siren));
                    break;
            }

            // A name may start with digits ("3F Formation"): the prefix is searched whatever the text.
            var upper = SearchKeys.PrefixUpperBound(key);
            branches.Add(db.Establishments.Where(e => e.NameKey.CompareTo(key) >= 0 && e.NameKey.CompareTo(upper) < 0));
        }

        var (page, next) = await MergedKeysetPage.ReadAsync(branches,
            branch => (after is { } cursor
                    ? branch.Where(e => e.NameKey.CompareTo(cursor.Key) > 0 || (e.NameKey == cursor.Key && e.Siret.CompareTo(cursor.Siret) > 0))
                    : branch)
                .OrderBy(e => e.NameKey).ThenBy(e => e.Siret),
            e => e.NameKey, e => e.Siret, search.PageSize, cancellationToken);
        var ids = page.Select(e => e.Id).ToList();
        var people = await db.EstablishmentAccesses.AsNoTracking().Where(a => ids.Contains(a.EstablishmentId))
            .GroupBy(a => a.EstablishmentId).Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Id, g => g.Count, cancellationToken);
        return new EstablishmentPage(
            [.. page.Select(e => new EstablishmentRow(e.Siret, e.Name, e.PostalCode, e.City, people.GetValueOrDefault(e.Id)))], next);
    }
}
