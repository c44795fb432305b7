using Guichet.Application.Paging;
using Guichet.Data;
using Guichet.Domain.Accounts;
using Guichet.Domain.Common;
using Guichet.Domain.Companies;
using Guichet.Identifiers;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Companies;

/// <param name="Text">
/// A SIREN (blanks allowed), a member code (exactly, case and punctuation aside) or the start of a name (case, accents
/// and punctuation aside); none: every company.
/// </param>
/// <param name="After">The last SIREN of the previous page (the cursor of the next one).</param>
public sealed record CompanySearch(string? Text = null, string? After = null, int PageSize = CompanySearch.DefaultPageSize)
{
    public const int DefaultPageSize = 50;
}

/// <summary>A company of the directory as the back office lists it, with who is linked to it.</summary>
public sealed record DirectoryCompanyRow(Guid Id, string Siren, string MemberCode, string Name, int Administrators, int Members, int Pending);

/// <param name="Next">The cursor of the next page; null on the last one.</param>
public sealed record DirectoryCompanyPage(IReadOnlyList<DirectoryCompanyRow> Rows, string? Next);

/// <summary>
/// The member directory's search, in name order (then SIREN), paged by keyset: each kind of match is an index range
/// (<c>Siren</c>, <c>MemberCodeKey</c>, <c>(NameKey, Siren)</c>) read from the cursor on, one page at most, merged here.
/// </summary>
public sealed class SearchCompanies(GuichetDbContext db)
{
    public async Task<Result<DirectoryCompanyPage>> HandleAsync(CompanySearch search, string field, CancellationToken cancellationToken)
    {
        var text = search.Text?.Trim();
        var key = SearchKeys.Text(text);
        if (!string.IsNullOrEmpty(text) && key is null)
        {
            return CompanyErrors.SearchTextInvalid(field);
        }

        (string Key, string Siren)? after = null;
        if (!string.IsNullOrEmpty(search.After))
        {
            var last = await db.Companies.AsNoTracking().Where(c => c.Siren == search.After)
                .Select(c => new { c.NameKey, c.Siren }).SingleOrDefaultAsync(cancellationToken);
            if (last is null)
            {
                return CompanyErrors.SearchPageLinkInvalid(field);
            }

            after = (last.NameKey ?? string.Empty, last.Siren);
        }

        var branches = new List<IQueryable<Company>>();
        if (key is null)
        {
            branches.Add(db.Companies);
        }
        else
        {
            if (SearchKeys.Digits(text) is { } digits && Siren.IsValid(digits))
            {
                branches.Add(db.Companies.Where(c => c.Siren == digits));
            }

            var upper = SearchKeys.PrefixUpperBound(key);
            branches.Add(db.Companies.Where(c => c.MemberCodeKey == key));
            branches.Add(db.Companies.Where(c => c.NameKey!.CompareTo(key) >= 0 && c.NameKey.CompareTo(upper) < 0));
        }

        var (page, next) = await MergedKeysetPage.ReadAsync(branches,
            branch => (after is { } cursor
                    ? branch.Where(c => c.NameKey!.CompareTo(cursor.Key) > 0 || (c.NameKey == cursor.Key && c.Siren.CompareTo(cursor.Siren) > 0))
                    : branch)
                .OrderBy(c => c.NameKey).ThenBy(c => c.Siren),
            c => c.NameKey ?? string.Empty, c => c.Siren, search.PageSize, cancellationToken);
        var ids = page.Select(c => c.Id).ToList();
        var counts = await db.Memberships.AsNoTracking()
            .Where(m => ids.Contains(m.CompanyId) && (m.Status == MembershipStatus.Active || m.Status == MembershipStatus.Pending))
            .GroupBy(m => new { m.CompanyId, m.Status, m.Role })
            .Select(g => new { g.Key.CompanyId, g.Key.Status, g.Key.Role, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(Guid id, MembershipStatus status, MembershipRole? role = null) =>
            counts.Where(c => c.CompanyId == id && c.Status == status && (role is null || c.Role == role)).Sum(c => c.Count);
        return new DirectoryCompanyPage(
            [.. page.Select(c => new DirectoryCompanyRow(c.Id, c.Siren, c.MemberCode, c.Name,
                Count(c.Id, MembershipStatus.Active, MembershipRole.Administrator), Count(c.Id, MembershipStatus.Active, MembershipRole.Member),
                Count(c.Id, MembershipStatus.Pending)))],
            next);
    }
}
