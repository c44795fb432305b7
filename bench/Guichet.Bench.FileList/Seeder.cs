using System.Globalization;
using System.Text.Json;
using Guichet.Data;
using Guichet.Domain.Accounts;
using Guichet.Domain.WhiteLabels;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Bench.FileList;

/// <summary>
/// Fills the store with registration files in one SQL statement per provider (not through the use cases: a million
/// registrations would mostly time the password hash). The shape of the data, by file number n:
/// <list type="bullet">
/// <item>created every 90 seconds from 2023-01-01 (two files per instant, so keyset ties are real), ≈ 2.9 years;</item>
/// <item>5 white labels (n mod 5); state, category and test flag each from its own multiplicative hash of n, so that
/// they are independent of each other and of the white label; states as a fund's files settle: 70 % REGISTERED,
/// 10 % WAIT_FOR_FILES, 2 % BO_VALIDATED, 3 % BO_REJECTED, 5 % CLOSED, 5 % CREATION_IN_PROGRESS, 3 % CREATION_SUSPENDED,
/// 2 % REGISTRATION_IN_PROGRESS;</item>
/// <item>categories 60 % COMPANY, 25 % PUBLIC_ACCOUNTANT, 5 % each OGA, GPA, PERSONNAL; 10 % test files;</item>
/// <item>company name "&lt;word&gt; &lt;word&gt; n" from 20 words (so a first word matches 5 % of the files), a
/// 14-digit SIRET, manager email gerant{n}@example.fr, login b{n}; the stored JSON file of a real primary (≈ 1 KB).</item>
/// </list>
/// </summary>
public static class Seeder
{
    public static readonly DateTimeOffset Start = new(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const int SecondsBetweenPairs = 180;

    private static readonly (string Word, string Key)[] s_words =
    [
        ("Boulangerie", "boulangerie"), ("Garage", "garage"), ("Cabinet", "cabinet"), ("Électricité", "electricite"), ("Pharmacie", "pharmacie"),
        ("Transports", "transports"), ("Menuiserie", "menuiserie"), ("Société", "societe"), ("Hôtel", "hotel"), ("Librairie", "librairie"),
        ("Plomberie", "plomberie"), ("Fromagerie", "fromagerie"), ("Agence", "agence"), ("Atelier", "atelier"), ("Boucherie", "boucherie"),
        ("Crèche", "creche"), ("Imprimerie", "imprimerie"), ("Maçonnerie", "maconnerie"), ("Pâtisserie", "patisserie"),
        ("Quincaillerie", "quincaillerie"),
    ];

    private static readonly string[] s_states =
    [
        "WHEN s < 70 THEN 'REGISTERED'", "WHEN s < 80 THEN 'WAIT_FOR_FILES'", "WHEN s < 82 THEN 'BO_VALIDATED'", "WHEN s < 85 THEN 'BO_REJECTED'",
        "WHEN s < 90 THEN 'CLOSED'", "WHEN s < 95 THEN 'CREATION_IN_PROGRESS'", "WHEN s < 98 THEN 'CREATION_SUSPENDED'",
        "ELSE 'REGISTRATION_IN_PROGRESS'",
    ];

    private static readonly string[] s_categories =
    [
        "WHEN c < 12 THEN 'COMPANY'", "WHEN c < 17 THEN 'PUBLIC_ACCOUNTANT'", "WHEN c = 17 THEN 'OGA'", "WHEN c = 18 THEN 'GPA'", "ELSE 'PERSONNAL'",
    ];

    public static async Task<IReadOnlyList<Guid>> WhiteLabelsAsync(GuichetDbContext db)
    {
        var existing = await db.WhiteLabels.Where(w => w.Code.StartsWith("bench")).OrderBy(w => w.Code).Select(w => w.Id).ToListAsync();
        if (existing.Count > 0)
        {
            return existing;
        }

        for (var i = 0; i < 5; i++)
        {
            db.WhiteLabels.Add(new WhiteLabel
            {
                Code = $"bench{i}",
                Name = $"Marque blanche {i}",
                WsseUsername = $"bench{i}",
                WsseSecretProtected = "unused",
                MailDomain = $"bench{i}.example",
                CreatedAt = Start,
            });
        }

        await db.SaveChangesAsync();
        return await WhiteLabelsAsync(db);
    }

    public static async Task SeedAsync(GuichetDbContext db, bool postgres, IReadOnlyList<Guid> whiteLabels, int count)
    {
        var json = FileJson().Replace("'", "''", StringComparison.Ordinal);
        var sql = postgres ? Postgres(whiteLabels, count, json) : Sqlite(whiteLabels, count, json);
        await ExecuteAsync(db, sql);
    }

    /// <summary>Plain ADO.NET: the SQL holds JSON braces, which EF's raw SQL would read as parameter placeholders.</summary>
    public static async Task ExecuteAsync(GuichetDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 3600;
        await command.ExecuteNonQueryAsync();
    }

    private static string Sqlite(IReadOnlyList<Guid> whiteLabels, int count, string json)
    {
        // EF stores a Guid as upper-case text and a DateTimeOffset as UTC ticks (UtcTicksConverter).
        const string guid =
            "hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))";
        var words = string.Join(", ", s_words.Select((w, i) => $"({i}, '{w.Word}', '{w.Key}')"));
        var labels = string.Join(" ", whiteLabels.Select((id, i) => $"WHEN {i} THEN '{id.ToString().ToUpperInvariant()}'"));
        return $"""
            PRAGMA synchronous = OFF;
            CREATE TEMP TABLE words(i INTEGER PRIMARY KEY, w TEXT, k TEXT);
            INSERT INTO words VALUES {words};
            INSERT INTO accounts ("Id", "WhiteLabelId", "Kind", "Login", "FolderNumber", "State", "StateChangedAt", "Category", "IsTest",
                "SecondaryAllowance", "WantsMailbox", "PasswordHash", "PasswordChangedAt", "Data", "CreatedAt", "Version",
                "Siret", "CompanyName", "CompanyNameKey", "ManagerEmail", "FileIndexVersion")
            WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < {count - 1}),
            shaped AS (SELECT n, ((n * 2654435761) % 4294967296) / 65536 % 100 AS s, ((n * 2246822519) % 4294967296) / 65536 % 20 AS c,
                ((n * 3266489917) % 4294967296) / 65536 % 10 = 0 AS t,
                {Start.UtcTicks} + (n / 2) * {SecondsBetweenPairs * TimeSpan.TicksPerSecond} AS at,
                (SELECT w FROM words WHERE i = n % 20) AS w1, (SELECT k FROM words WHERE i = n % 20) AS k1,
                (SELECT w FROM words WHERE i = (n / 20) % 20) AS w2, (SELECT k FROM words WHERE i = (n / 20) % 20) AS k2 FROM seq)
            SELECT {guid}, CASE n % {whiteLabels.Count} {labels} END, 'Primary', 'b' || n, 'D20250101-' || printf('%06X', n),
                CASE {string.Join(" ", s_states)} END, at, CASE {string.Join(" ", s_categories)} END, t,
                3, 1, 'x', at, replace('{json}', '__LOGIN__', 'b' || n), at, {guid},
                printf('%014d', (n * 2654435761) % 100000000000000), w1 || ' ' || w2 || ' ' || n, k1 || ' ' || k2 || ' ' || n,
                'gerant' || n || '@example.fr', {Account.CurrentFileIndexVersion}
            FROM shaped;
            """;
    }

    private static string Postgres(IReadOnlyList<Guid> whiteLabels, int count, string json)
    {
        var words = string.Join(", ", s_words.Select(w => $"'{w.Word}'"));
        var keys = string.Join(", ", s_words.Select(w => $"'{w.Key}'"));
        var labels = string.Join(", ", whiteLabels.Select(id => $"'{id}'::uuid"));
        var start = Start.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return $"""
            INSERT INTO accounts ("Id", "WhiteLabelId", "Kind", "Login", "FolderNumber", "State", "StateChangedAt", "Category", "IsTest",
                "SecondaryAllowance", "WantsMailbox", "PasswordHash", "PasswordChangedAt", "Data", "CreatedAt", "Version",
                "Siret", "CompanyName", "CompanyNameKey", "ManagerEmail", "FileIndexVersion")
            SELECT gen_random_uuid(), (ARRAY[{labels}])[n % {whiteLabels.Count} + 1], 'Primary', 'b' || n,
                'D20250101-' || lpad(upper(to_hex(n)), 6, '0'),
                CASE {string.Join(" ", s_states)} END, at, CASE {string.Join(" ", s_categories)} END, t,
                3, true, 'x', at, replace('{json}', '__LOGIN__', 'b' || n), at, gen_random_uuid(),
                lpad(((n::bigint * 2654435761) % 100000000000000)::text, 14, '0'),
                (ARRAY[{words}])[n % 20 + 1] || ' ' || (ARRAY[{words}])[(n / 20) % 20 + 1] || ' ' || n,
                (ARRAY[{keys}])[n % 20 + 1] || ' ' || (ARRAY[{keys}])[(n / 20) % 20 + 1] || ' ' || n,
                'gerant' || n || '@example.fr', {Account.CurrentFileIndexVersion}
            FROM (SELECT n, (n::bigint * 2654435761) % 4294967296 / 65536 % 100 AS s, (n::bigint * 2246822519) % 4294967296 / 65536 % 20 AS c,
                (n::bigint * 3266489917) % 4294967296 / 65536 % 10 = 0 AS t,
                timestamptz '{start}+00' + (n / 2) * interval '{SecondsBetweenPairs} seconds' AS at
                FROM generate_series(0, {count - 1}) AS n) AS shaped;
            """;
    }

    /// <summary>The JSON of a real primary's file, as the store writes it, with its login as a placeholder.</summary>
    private static string FileJson() => JsonSerializer.Serialize<AccountData>(new PrimaryAccountData
    {
        AccountName = "__LOGIN__",
        Category = AccountCategory.COMPANY,
        Siret = "73282932000074",
        CompanyName = "Boulangerie Martin",
        SecondaryAccountCount = "3",
        Test = false,
        Address = new PostalAddress { Street = "1 rue de la Paix", City = "Paris", PostalCode = "75002", Country = "FR" },
        Manager = new AccountManager
        {
            Civility = Civility.MS,
            LastName = "Martin",
            FirstName = "Claire",
            Email = "claire.martin@example.fr",
            Phone = "+33140000000",
        },
        Teleprocedures = [Teleprocedure.TVA, Teleprocedure.TDFC, Teleprocedure.DSN],
        Dsn = new DsnSettings
        {
            Siret = "73282932000074",
            LastName = "Martin",
            FirstName = "Claire",
            SendSettingsSheet = true,
            SendBpijSheet = false,
        },
        TechnicalContact = new Contact { Name = "Service informatique", Email = "it@example.fr", Phone = "+33140000002" },
        GdprContact = new GdprContact
        {
            LastName = "Durand",
            FirstName = "Paul",
            Function = "DPO",
            Phone = "+33140000001",
            Email = "dpo@example.fr",
        },
        Billing = new BillingInfo { StartDate = "2026-01-01", VatNumber = "FR40303265045" },
    });
}
