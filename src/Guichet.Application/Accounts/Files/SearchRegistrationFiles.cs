using Guichet.Data;
using Guichet.Domain.Accounts;
using Guichet.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Accounts.Files;

/// <summary>The back office's filters on the file list; every one is optional.</summary>
/// <param name="CreatedFrom">A date in Paris: files created from its first instant.</param>
/// <param name="CreatedTo">A date in Paris: files created up to its last instant (the whole day is included).</param>
/// <param name="Text">Login, folder number, SIRET or SIREN, company name (start) or manager email (see <see cref="FileSearchText"/>).</param>
/// <param name="Cursor">From a previous page's <see cref="RegistrationFilePage.Next"/> or <see cref="RegistrationFilePage.Previous"/>.</param>
public sealed record RegistrationFileSearch(
    IReadOnlyCollection<AccountState>? States = null,
    Guid? WhiteLabelId = null,
    AccountCategory? Category = null,
    bool? IsTest = null,
    DateOnly? CreatedFrom = null,
    DateOnly? CreatedTo = null,
    string? Text = null,
    string? Cursor = null,
    int PageSize = RegistrationFileSearch.DefaultPageSize)
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 100;

    /// <summary>Above this many company names starting with the text, the prefix is searched as a broad one (see SearchRegistrationFiles).</summary>
    public const int NarrowPrefixMatches = 5000;

    /// <summary>The cursor of the last page, whatever the filters.</summary>
    public static string LastPage { get; } = FileListCursor.End.Encode();
}

/// <summary>One line of the file list.</summary>
public sealed record RegistrationFileRow(
    Guid Id,
    string FolderNumber,
    string Login,
    AccountKind Kind,
    AccountState State,
    string WhiteLabelCode,
    string WhiteLabelName,
    AccountCategory? Category,
    bool IsTest,
    string? CompanyName,
    string? Siret,
    string? ManagerEmail,
    DateTimeOffset CreatedAt);

/// <summary>A page of the list, newest first; <see cref="Next"/> (older files) and <see cref="Previous"/> are null at the ends.</summary>
public sealed record RegistrationFilePage(IReadOnlyList<RegistrationFileRow> Rows, string? Next, string? Previous);

/// <summary>
/// The back office's list of registration files (primaries and secondaries; administrators are not files), filtered and
/// paged by keyset on (CreatedAt, Id) so that the last page of a million files costs what the first does. Each filter
/// is served by an index (AccountConfiguration); where one SQL predicate could not be (several states, the login or
/// the company name), the query is a union of branches that each are, every branch limited to the page.
/// </summary>
public sealed class SearchRegistrationFiles(GuichetDbContext db)
{
    public async Task<Result<RegistrationFilePage>> HandleAsync(RegistrationFileSearch search, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        if (search.PageSize is < 1 or > RegistrationFileSearch.MaxPageSize)
        {
            errors.Add(AccountErrors.PageSizeOutOfRange(nameof(search.PageSize), RegistrationFileSearch.MaxPageSize));
        }

        if (search.CreatedFrom > search.CreatedTo)
        {
            errors.Add(AccountErrors.InvalidDateRange(nameof(search.CreatedTo)));
        }

        var cursor = search.Cursor is { Length: > 0 } encoded ? FileListCursor.Decode(encoded) : null;
        if (search.Cursor is { Length: > 0 } && cursor is null)
        {
            errors.Add(AccountErrors.InvalidCursor(nameof(search.Cursor)));
        }

        var text = FileSearchText.Parse(search.Text, nameof(search.Text));
        errors.AddRange(text.Errors);
        if (errors.Count > 0)
        {
            return Result<RegistrationFilePage>.Failure(ErrorCodes.ValidationFailed, errors);
        }

        var older = cursor?.Older ?? true;
        var take = search.PageSize + 1;
        var branches = (await BranchesAsync(search, text.Value, cancellationToken))
            .Select(branch => Page(Common(branch, search, cursor), older).Take(take).Select(ToRow))
            .ToList();
        var query = branches.Count == 1
            ? branches[0]
            : Order(branches.Skip(1).Aggregate(branches[0], (all, branch) => all.Union(branch)), older).Take(take);
        var rows = await query.ToListAsync(cancellationToken);

        var more = rows.Count > search.PageSize;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        if (!older)
        {
            rows.Reverse();
        }

        // Going back, the page we came from is after this one (unless we came from the end); going forward (but from the
        // start), before it.
        var hasOlder = older ? more : cursor is not null && !cursor.IsEnd;
        var hasNewer = older ? cursor is not null : more;
        var whiteLabels = await WhiteLabelsAsync(rows, cancellationToken);
        return new RegistrationFilePage(
            [.. rows.Select(r => new RegistrationFileRow(r.Id, r.FolderNumber, r.Login, r.Kind, r.State, whiteLabels[r.WhiteLabelId].Code,
                whiteLabels[r.WhiteLabelId].Name, r.Category, r.IsTest, r.CompanyName, r.Siret, r.ManagerEmail, r.CreatedAt))],
            hasOlder && rows.Count > 0 ? new FileListCursor(true, rows[^1].CreatedAt, rows[^1].Id).Encode() : null,
            hasNewer && rows.Count > 0 ? new FileListCursor(false, rows[0].CreatedAt, rows[0].Id).Encode() : null);
    }

    /// <summary>One query per index seek that drives it; their union is the result.</summary>
    private async Task<IReadOnlyList<IQueryable<Account>>> BranchesAsync(
        RegistrationFileSearch search, FileSearchText? text, CancellationToken cancellationToken)
    {
        var all = db.Accounts.AsNoTracking().Where(a => a.Kind != AccountKind.Administrator);
        var states = search.States?.Distinct().ToList() ?? [];
        // Read in list order: one branch per state, each from (WhiteLabelId,) State, CreatedAt, Id.
        IQueryable<Account>[] InOrder(IQueryable<Account> files) =>
            states.Count == 0 ? [files] : [.. states.Select(state => files.Where(a => a.State == state))];
        if (text is null)
        {
            return InOrder(all);
        }

        // Sought by the text: its matches are few, the states only sift them.
        var files = states.Count switch
        {
            0 => all,
            1 => all.Where(a => a.State == states[0]),
            _ => all.Where(a => states.Contains(a.State)),
        };
        switch (text.Kind)
        {
            case FileSearchTextKind.Siret:
                return [files.Where(a => a.Siret == text.Value)];
            case FileSearchTextKind.Siren:
                return [SiretStartsWith(files, text.Value!)];
            case FileSearchTextKind.ManagerEmail:
                return [files.Where(a => a.ManagerEmail == text.Value)];
            case FileSearchTextKind.FolderNumber:
                return [files.Where(a => a.FolderNumber == text.Value)];
            default:
                var branches = new List<IQueryable<Account>>();
                if (text.Value is { } login)
                {
                    branches.Add(files.Where(a => a.Login == login));
                }

                if (text.CompanyNamePrefix is { } prefix)
                {
                    if (await IsBroadAsync(prefix, cancellationToken))
                    {
                        branches.AddRange(InOrder(all.Where(a => a.CompanyNameKey!.Substring(0, prefix.Length) == prefix)));
                    }
                    else
                    {
                        branches.Add(CompanyNameStartsWith(files, prefix));
                    }
                }

                return branches;
        }
    }

    /// <summary>
    /// Whether more than <see cref="RegistrationFileSearch.NarrowPrefixMatches"/> company names start with the prefix, counted in the key's index
    /// alone. A narrow prefix is sought in that index and its matches sorted; a broad one ("boulangerie": one file in
    /// twenty) would sort tens of thousands of rows for every page, so it is written so that no index can seek it
    /// (substr) and the files are read in list order, the prefix sifting them: a page then reads about
    /// page size × files ÷ matches rows. Both costs meet near √(page size × files), about 7,000 at a million files.
    /// </summary>
    private async Task<bool> IsBroadAsync(string prefix, CancellationToken cancellationToken)
    {
        var upper = SearchKeys.PrefixUpperBound(prefix);
        var matches = await db.Accounts.Where(a => a.CompanyNameKey!.CompareTo(prefix) >= 0 && a.CompanyNameKey.CompareTo(upper) < 0)
            .Select(a => a.CompanyNameKey).Take(RegistrationFileSearch.NarrowPrefixMatches + 1).CountAsync(cancellationToken);
        return matches > RegistrationFileSearch.NarrowPrefixMatches;
    }

    /// <summary>Ranges, which both providers seek in the column's index (LIKE 'x%' is not, on SQLite).</summary>
    private static IQueryable<Account> SiretStartsWith(IQueryable<Account> files, string prefix)
    {
        var upper = SearchKeys.PrefixUpperBound(prefix);
        return files.Where(a => a.Siret!.CompareTo(prefix) >= 0 && a.Siret.CompareTo(upper) < 0);
    }

    private static IQueryable<Account> CompanyNameStartsWith(IQueryable<Account> files, string prefix)
    {
        var upper = SearchKeys.PrefixUpperBound(prefix);
        return files.Where(a => a.CompanyNameKey!.CompareTo(prefix) >= 0 && a.CompanyNameKey.CompareTo(upper) < 0);
    }

    private static IQueryable<Account> Common(IQueryable<Account> files, RegistrationFileSearch search, FileListCursor? cursor)
    {
        if (search.WhiteLabelId is { } whiteLabelId)
        {
            files = files.Where(a => a.WhiteLabelId == whiteLabelId);
        }

        if (search.Category is { } category)
        {
            files = files.Where(a => a.Category == category);
        }

        if (search.IsTest is { } isTest)
        {
            files = files.Where(a => a.IsTest == isTest);
        }

        if (search.CreatedFrom is { } from)
        {
            var start = FrenchTime.StartOfDay(from);
            files = files.Where(a => a.CreatedAt >= start);
        }

        if (search.CreatedTo is { } to)
        {
            var end = FrenchTime.StartOfDay(to.AddDays(1));
            files = files.Where(a => a.CreatedAt < end);
        }

        if (cursor is not null)
        {
            var (at, id) = (cursor.CreatedAt, cursor.Id);
            // (CreatedAt, Id) beyond the cursor, with a plain range on CreatedAt first: it is what the index seeks (an OR
            // alone sends SQLite's planner to a union of lookups, then a sort).
            files = cursor.Older
                ? files.Where(a => a.CreatedAt <= at && (a.CreatedAt < at || a.Id.CompareTo(id) < 0))
                : files.Where(a => a.CreatedAt >= at && (a.CreatedAt > at || a.Id.CompareTo(id) > 0));
        }

        return files;
    }

    private static IQueryable<Account> Page(IQueryable<Account> files, bool older) => older
        ? files.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
        : files.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id);

    private static IQueryable<Row> Order(IQueryable<Row> rows, bool older) => older
        ? rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
        : rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id);

    /// <summary>Member initialisation, not a constructor: EF can then take the union of branches in SQL.</summary>
    private static readonly System.Linq.Expressions.Expression<Func<Account, Row>> ToRow = a => new Row
    {
        Id = a.Id,
        FolderNumber = a.FolderNumber,
        Login = a.Login,
        Kind = a.Kind,
        State = a.State,
        WhiteLabelId = a.WhiteLabelId,
        Category = a.Category,
        IsTest = a.IsTest,
        CompanyName = a.CompanyName,
        Siret = a.Siret,
        ManagerEmail = a.ManagerEmail,
        CreatedAt = a.CreatedAt,
    };

    private async Task<Dictionary<Guid, (string Code, string Name)>> WhiteLabelsAsync(List<Row> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.WhiteLabelId).Distinct().ToList();
        return await db.WhiteLabels.AsNoTracking().Where(w => ids.Contains(w.Id))
            .ToDictionaryAsync(w => w.Id, w => (w.Code, w.Name), cancellationToken);
    }

    private sealed class Row
    {
        public Guid Id { get; init; }

        public required string FolderNumber { get; init; }

        public required string Login { get; init; }

        public AccountKind Kind { get; init; }

        public AccountState State { get; init; }

        public Guid WhiteLabelId { get; init; }

        public AccountCategory? Category { get; init; }

        public bool IsTest { get; init; }

        public string? CompanyName { get; init; }

        public string? Siret { get; init; }

        public string? ManagerEmail { get; init; }

        public DateTimeOffset CreatedAt { get; init; }
    }
}
