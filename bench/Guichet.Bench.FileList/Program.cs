using System.Diagnostics;
using System.Globalization;
using Guichet.Application.Accounts.Files;
using Guichet.Bench.FileList;
using Guichet.Data;
using Guichet.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

// The back office's file list at scale: fills a store with N registration files in SQL, then times the first, a middle
// and the last page of the list, with and without filters, by calling SearchRegistrationFiles on the real DbContext
// (a new one per call, as a request scope would). Usage:
//   Guichet.Bench.FileList --provider Sqlite|PostgreSql --connection CS [--files 1000000] [--runs 7] [--page-size 50] [--analyze]
// Prints Markdown. Numbers with a dot, whatever the locale.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p.a[2..], p => p.i + 1 < args.Length && !args[p.i + 1].StartsWith("--", StringComparison.Ordinal) ? args[p.i + 1] : "true");
if (!options.TryGetValue("provider", out var provider) || !options.TryGetValue("connection", out var connectionString))
{
    await Console.Error.WriteLineAsync("Usage: --provider Sqlite|PostgreSql --connection CS [--files N] [--runs R] [--page-size P] [--analyze]");
    return 2;
}

var postgres = string.Equals(provider, "PostgreSql", StringComparison.OrdinalIgnoreCase);
var files = int.Parse(options.GetValueOrDefault("files", "1000000"), CultureInfo.InvariantCulture);
var runs = int.Parse(options.GetValueOrDefault("runs", "7"), CultureInfo.InvariantCulture);
var pageSize = int.Parse(options.GetValueOrDefault("page-size", "50"), CultureInfo.InvariantCulture);
var sqliteOptions = new DbContextOptionsBuilder<SqliteGuichetDbContext>().UseSqlite(connectionString).Options;
var postgresOptions = new DbContextOptionsBuilder<PostgresGuichetDbContext>().UseNpgsql(connectionString).Options;
GuichetDbContext NewContext() => postgres ? new PostgresGuichetDbContext(postgresOptions) : new SqliteGuichetDbContext(sqliteOptions);

IReadOnlyList<Guid> whiteLabels;
await using (var db = NewContext())
{
    await db.Database.MigrateAsync();
    whiteLabels = await Seeder.WhiteLabelsAsync(db);
    var existing = await db.Accounts.CountAsync();
    if (existing < files)
    {
        var seeding = Stopwatch.StartNew();
        await Seeder.SeedAsync(db, postgres, whiteLabels, files - existing);
        Console.WriteLine($"Seeded {files - existing:N0} files in {seeding.Elapsed.TotalSeconds:F0} s.");
    }

    if (options.ContainsKey("analyze") || postgres)
    {
        // PostgreSQL's autovacuum would analyze the new rows within a minute; SQLite only with ANALYZE (or PRAGMA optimize).
        await Seeder.ExecuteAsync(db, postgres ? "VACUUM ANALYZE accounts;" : "ANALYZE;");
        Console.WriteLine(postgres ? "VACUUM ANALYZE done." : "ANALYZE done (sqlite_stat1).");
    }
}

// The middle of the time range: a middle page for every filter spread over time.
var middle = new FileListCursor(true, Seeder.Start.AddSeconds(files / 4.0 * Seeder.SecondsBetweenPairs), Guid.Empty).Encode();
var monthStart = DateOnly.FromDateTime(Seeder.Start.AddSeconds(files / 4.0 * Seeder.SecondsBetweenPairs).UtcDateTime);
monthStart = new DateOnly(monthStart.Year, monthStart.Month, 1);
var someone = files / 3;
var scenarios = new (string Name, RegistrationFileSearch Search)[]
{
    ("no filter", new()),
    ("state WAIT_FOR_FILES (10 %)", new(States: [AccountState.WAIT_FOR_FILES])),
    ("state BO_VALIDATED (2 %)", new(States: [AccountState.BO_VALIDATED])),
    ("states WAIT_FOR_FILES + BO_VALIDATED", new(States: [AccountState.WAIT_FOR_FILES, AccountState.BO_VALIDATED])),
    ("white label (20 %)", new(WhiteLabelId: whiteLabels[1])),
    ("white label + BO_VALIDATED (0.4 %)", new(States: [AccountState.BO_VALIDATED], WhiteLabelId: whiteLabels[1])),
    ("category GPA + test (0.5 %)", new(Category: AccountCategory.GPA, IsTest: true)),
    ("created in one Paris month", new(CreatedFrom: monthStart, CreatedTo: monthStart.AddMonths(1).AddDays(-1))),
    ("text: SIRET", new(Text: ((someone * 2654435761L) % 100000000000000L).ToString("D14", CultureInfo.InvariantCulture))),
    ("text: manager email", new(Text: $"gerant{someone}@example.fr")),
    ("text: folder number", new(Text: $"D20250101-{someone:X6}")),
    ("text: login", new(Text: $"b{someone}")),
    ("text: company name, 2 words (0.25 %)", new(Text: "boulangerie garage")),
    ("text: company name, 1 word (5 %)", new(Text: "Pâtisserie")),
    ("text: 1 word + WAIT_FOR_FILES", new(States: [AccountState.WAIT_FOR_FILES], Text: "patisserie")),
};

Console.WriteLine();
Console.WriteLine($"| {files:N0} files, page of {pageSize} | first page | middle page | last page |");
Console.WriteLine("| --- | ---: | ---: | ---: |");
foreach (var (name, search) in scenarios)
{
    var cells = new List<string>();
    foreach (var cursor in new[] { null, middle, RegistrationFileSearch.LastPage })
    {
        cells.Add(await TimeAsync(async () =>
        {
            await using var db = NewContext();
            var page = search with { Cursor = cursor, PageSize = pageSize };
            var result = await new SearchRegistrationFiles(db).HandleAsync(page, CancellationToken.None);
            return result.Succeeded ? result.Value.Rows.Count : throw new InvalidOperationException(string.Join("; ", result.Errors));
        }));
    }

    Console.WriteLine($"| {name} | {string.Join(" | ", cells)} |");
}

Console.WriteLine();
Console.WriteLine("| other queries | time |");
Console.WriteLine("| --- | ---: |");
Console.WriteLine($"| dashboard (CountRegistrationFilesByState) | {await TimeAsync(async () =>
{
    await using var db = NewContext();
    return (await new CountRegistrationFilesByState(db, TimeProvider.System).HandleAsync(CancellationToken.None)).Total;
})} |");
Guid fileId;
await using (var db = NewContext())
{
    fileId = await db.Accounts.Where(a => a.Login == $"b{someone}").Select(a => a.Id).SingleAsync();
}

Console.WriteLine($"| one file (GetRegistrationFile) | {await TimeAsync(async () =>
{
    await using var db = NewContext();
    return (await new GetRegistrationFile(db).HandleAsync(fileId, CancellationToken.None)).Value.Sections.Count;
})} |");
return 0;

// One untimed call (JIT, caches), then the median and the slowest of the timed ones, in ms; and what the call returned.
async Task<string> TimeAsync(Func<Task<int>> call)
{
    var count = await call();
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        count = await call();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    return $"{times[times.Count / 2]:F1} ms (max {times[^1]:F1}; {count})";
}
