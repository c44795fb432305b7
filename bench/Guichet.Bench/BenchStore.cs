using System.Diagnostics;
using System.Globalization;
using Guichet.Application.Security;
using Guichet.Data;
using Guichet.Domain.Accounts;
using Guichet.Domain.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Bench;

/// <summary>
/// The accounts bench/soap.sh needs, made for one measured server run with logins <c>{Tag}{role}{n}</c>, all REGISTERED
/// and enrolled primaries of the bench's white label with the bench password: <c>f</c> first-time callers (one per
/// request), <c>p</c> parents that register secondaries (<see cref="ParentAllowance"/> each), <c>m</c> callers that
/// modify their own file (one per connection), <c>t</c> targets of changeAccountStatus (one per connection).
/// </summary>
public sealed record WorkingSet(string Tag, int First, int Parents, int ParentAllowance, int Modifiers, int Targets);

/// <summary>
/// Fills a store that the server's <c>migrate</c> command created, in bulk SQL (one INSERT … SELECT per table: a
/// recursive CTE on SQLite, generate_series on PostgreSQL), never through the use cases: a million registrations would
/// mostly time the password hash. Every account gets the same password hash, computed once here by the server's own
/// <see cref="PasswordHashing"/> (a valid hash at its iteration count: a first verification costs what a real one does).
/// </summary>
public sealed class BenchStore(string provider, string connectionString)
{
    /// <summary>Filler accounts are created one every 90 seconds from this instant (1,000,000 reach late 2025).</summary>
    private static readonly DateTimeOffset s_fillerStart = new(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const int FillerSecondsApart = 90;

    private readonly bool _postgres = string.Equals(provider, "PostgreSql", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Adds filler accounts <c>b{n}</c> until there are <paramref name="count"/> (a resumed fill adds the rest): four
    /// primaries in five, each fifth a secondary <c>b{n}.b{n-1}</c> of the primary before it; states as a fund's files
    /// settle (70 % REGISTERED, 10 % WAIT_FOR_FILES, 5 % CLOSED…); passwords changed within the last 400 days (none
    /// expired); one audit row each (its registration). Then PostgreSQL is analysed, as autovacuum would soon do.
    /// </summary>
    public async Task FillAsync(string whiteLabelCode, string password, int count, TextWriter output)
    {
        await using var db = NewContext();
        var whiteLabel = await db.WhiteLabels.SingleAsync(w => w.Code == whiteLabelCode);
        var existing = await db.Accounts.CountAsync(a => EF.Functions.Like(a.FolderNumber, "F%"));
        if (existing >= count)
        {
            await output.WriteLineAsync($"FILL {existing} accounts already there");
            return;
        }

        using var hashing = new PasswordHashing();
        var hash = await hashing.HashAsync(password, CancellationToken.None);
        var watch = Stopwatch.StartNew();
        var rows = new RowContext(whiteLabel.Id, whiteLabel.MailDomain, hash, DateTimeOffset.UtcNow);
        await ExecuteAsync(db, _postgres ? PostgresFiller(rows, existing, count - existing) : SqliteFiller(rows, existing, count - existing));
        var filled = watch.Elapsed;
        if (_postgres)
        {
            // One statement each: VACUUM cannot run inside the implicit transaction of a multi-statement command.
            await ExecuteAsync(db, "VACUUM ANALYZE accounts");
            await ExecuteAsync(db, "VACUUM ANALYZE audit_entries");
            // Write the bulk load out now, not during the measured rows (a running store has no such backlog).
            await ExecuteAsync(db, "CHECKPOINT");
        }
        else
        {
            // The bulk insert went through the WAL: fold it into the database file, as the server's checkpoints would.
            await ExecuteAsync(db, "PRAGMA wal_checkpoint(TRUNCATE);");
        }

        var after = _postgres ? "VACUUM ANALYZE and CHECKPOINT" : "WAL checkpoint";
        await output.WriteLineAsync(
            $"FILL {count - existing} accounts in {filled.TotalSeconds:F0} s (then {(watch.Elapsed - filled).TotalSeconds:F0} s of {after})");
    }

    public async Task AddWorkingSetAsync(string whiteLabelCode, string password, WorkingSet set, TextWriter output)
    {
        await using var db = NewContext();
        var whiteLabel = await db.WhiteLabels.SingleAsync(w => w.Code == whiteLabelCode);
        using var hashing = new PasswordHashing();
        var hash = await hashing.HashAsync(password, CancellationToken.None);
        var rows = new RowContext(whiteLabel.Id, whiteLabel.MailDomain, hash, DateTimeOffset.UtcNow);
        foreach (var (role, count, allowance) in new[]
        {
            ("f", set.First, 5), ("p", set.Parents, set.ParentAllowance), ("m", set.Modifiers, 5), ("t", set.Targets, 5),
        })
        {
            if (count > 0)
            {
                await ExecuteAsync(db, _postgres
                    ? PostgresWorkingSet(rows, set.Tag + role, count, allowance)
                    : SqliteWorkingSet(rows, set.Tag + role, count, allowance));
            }
        }

        if (!_postgres)
        {
            await ExecuteAsync(db, "PRAGMA wal_checkpoint(TRUNCATE);");
        }

        await output.WriteLineAsync($"WORKING-SET {set}");
    }

    private GuichetDbContext NewContext() => _postgres
        ? new PostgresGuichetDbContext(new DbContextOptionsBuilder<PostgresGuichetDbContext>().UseNpgsql(connectionString).Options)
        : new SqliteGuichetDbContext(new DbContextOptionsBuilder<SqliteGuichetDbContext>().UseSqlite(connectionString).Options);

    /// <summary>Plain ADO.NET: the SQL holds JSON braces, which EF's raw SQL would read as parameter placeholders.</summary>
    private static async Task ExecuteAsync(GuichetDbContext db, string sql)
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

    private sealed record RowContext(Guid WhiteLabelId, string MailDomain, string PasswordHash, DateTimeOffset Now);

    private const string AccountColumns = """
        INSERT INTO accounts ("Id", "WhiteLabelId", "Kind", "Login", "FolderNumber", "PrimaryAccountId", "State", "StateChangedAt",
            "Category", "IsTest", "SecondaryAllowance", "Mailbox", "WantsMailbox", "Subscriptions", "PasswordHash", "PasswordChangedAt",
            "Data", "CreatedAt", "EnrolledAt", "Version", "Siret", "CompanyName", "CompanyNameKey", "ManagerEmail", "FileIndexVersion")
        """;

    private const string AuditColumns =
        """INSERT INTO audit_entries ("At", "Actor", "Event", "WhiteLabelId", "Subject", "ToValue", "RemoteAddress", "Detail")""";

    // Multiplicative hashes of n: state, category and test flag independent of each other and of the order.
    private const string States = """
        CASE WHEN s < 70 THEN 'REGISTERED' WHEN s < 80 THEN 'WAIT_FOR_FILES' WHEN s < 82 THEN 'BO_VALIDATED' WHEN s < 85 THEN 'BO_REJECTED'
            WHEN s < 90 THEN 'CLOSED' WHEN s < 95 THEN 'CREATION_IN_PROGRESS' WHEN s < 98 THEN 'CREATION_SUSPENDED'
            ELSE 'REGISTRATION_IN_PROGRESS' END
        """;

    private const string Categories =
        "CASE WHEN c < 12 THEN 'COMPANY' WHEN c < 17 THEN 'PUBLIC_ACCOUNTANT' WHEN c = 17 THEN 'OGA' WHEN c = 18 THEN 'GPA' ELSE 'PERSONNAL' END";

    private static string SqliteFiller(RowContext rows, int from, int count)
    {
        var primary = Quote(SampleFiles.Primary("5"));
        var secondary = Quote(SampleFiles.Secondary());
        // EF stores a Guid as upper-case text and a DateTimeOffset as UTC ticks (UtcTicksConverter). Ids are made of n, so
        // that a secondary names its primary's.
        return $"""
            PRAGMA synchronous = OFF;
            BEGIN;
            CREATE TEMP TABLE filler AS
            WITH RECURSIVE seq(n) AS (SELECT {from} UNION ALL SELECT n + 1 FROM seq WHERE n < {from + count - 1})
            SELECT n, n % 5 = 4 AS secondary,
                CASE WHEN n % 5 = 4 THEN 'b' || n || '.b' || (n - 1) ELSE 'b' || n END AS login,
                ((n * 2654435761) % 4294967296) / 65536 % 100 AS s,
                (((n / 5) * 2246822519) % 4294967296) / 65536 % 20 AS c,
                (((n / 5) * 3266489917) % 4294967296) / 65536 % 10 = 0 AS t,
                {s_fillerStart.UtcTicks} + n * {FillerSecondsApart * TimeSpan.TicksPerSecond} AS at
            FROM seq;
            {AccountColumns}
            SELECT 'B0000000-0000-4000-8000-' || printf('%012X', n), '{SqliteGuid(rows.WhiteLabelId)}',
                CASE WHEN secondary THEN 'Secondary' ELSE 'Primary' END, login, 'F' || n,
                CASE WHEN secondary THEN 'B0000000-0000-4000-8000-' || printf('%012X', n - 1) END,
                state, at, {Categories}, t, CASE WHEN secondary THEN 0 ELSE 5 END,
                CASE WHEN state = 'REGISTERED' THEN login || '@{rows.MailDomain}' END, 1,
                CASE WHEN state IN ('REGISTERED', 'CLOSED') THEN 'TVA,TDFC' END,
                '{rows.PasswordHash}', {rows.Now.UtcTicks} - (n % 400) * {TimeSpan.TicksPerDay},
                replace(CASE WHEN secondary THEN {secondary} ELSE {primary} END, '__LOGIN__', 'b' || n), at,
                CASE WHEN state IN ('REGISTERED', 'CLOSED') THEN at END, {SqliteRandomGuid},
                printf('%014d', (n * 2654435761) % 100000000000000), 'Boulangerie ' || n, 'boulangerie ' || n,
                'gerant' || n || '@example.fr', {Account.CurrentFileIndexVersion}
            FROM (SELECT *, {States} AS state FROM filler);
            {AuditColumns}
            SELECT at, 'bench', '{AuditEvents.AccountRegistered}', '{SqliteGuid(rows.WhiteLabelId)}', login, 'WAIT_FOR_FILES', '127.0.0.1', 'F' || n
            FROM filler;
            DROP TABLE filler;
            COMMIT;
            PRAGMA synchronous = FULL;
            """;
    }

    private static string PostgresFiller(RowContext rows, int from, int count)
    {
        var primary = Quote(SampleFiles.Primary("5"));
        var secondary = Quote(SampleFiles.Secondary());
        var start = s_fillerStart.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return $"""
            CREATE TEMP TABLE filler AS
            SELECT n, n % 5 = 4 AS secondary,
                CASE WHEN n % 5 = 4 THEN 'b' || n || '.b' || (n - 1) ELSE 'b' || n END AS login,
                (n * 2654435761) % 4294967296 / 65536 % 100 AS s,
                ((n / 5) * 2246822519) % 4294967296 / 65536 % 20 AS c,
                ((n / 5) * 3266489917) % 4294967296 / 65536 % 10 = 0 AS t,
                timestamptz '{start}+00' + n * interval '{FillerSecondsApart} seconds' AS at
            FROM generate_series({from}::bigint, {from + count - 1}::bigint) AS n;
            {AccountColumns}
            SELECT ('b0000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, '{rows.WhiteLabelId}',
                CASE WHEN secondary THEN 'Secondary' ELSE 'Primary' END, login, 'F' || n,
                CASE WHEN secondary THEN ('b0000000-0000-4000-8000-' || lpad(to_hex(n - 1), 12, '0'))::uuid END,
                state, at, {Categories}, t, CASE WHEN secondary THEN 0 ELSE 5 END,
                CASE WHEN state = 'REGISTERED' THEN login || '@{rows.MailDomain}' END, true,
                CASE WHEN state IN ('REGISTERED', 'CLOSED') THEN 'TVA,TDFC' END,
                '{rows.PasswordHash}', {PostgresTime(rows.Now)} - (n % 400) * interval '1 day',
                replace(CASE WHEN secondary THEN {secondary} ELSE {primary} END, '__LOGIN__', 'b' || n), at,
                CASE WHEN state IN ('REGISTERED', 'CLOSED') THEN at END, gen_random_uuid(),
                lpad(((n * 2654435761) % 100000000000000)::text, 14, '0'), 'Boulangerie ' || n, 'boulangerie ' || n,
                'gerant' || n || '@example.fr', {Account.CurrentFileIndexVersion}
            FROM (SELECT *, {States} AS state FROM filler) AS shaped;
            {AuditColumns}
            SELECT at, 'bench', '{AuditEvents.AccountRegistered}', '{rows.WhiteLabelId}', login, 'WAIT_FOR_FILES', '127.0.0.1', 'F' || n
            FROM filler;
            DROP TABLE filler;
            """;
    }

    private static string SqliteWorkingSet(RowContext rows, string prefix, int count, int allowance)
    {
        var now = rows.Now.UtcTicks;
        return $"""
            {AccountColumns}
            WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < {count - 1})
            SELECT {SqliteRandomGuid}, '{SqliteGuid(rows.WhiteLabelId)}', 'Primary', '{prefix}' || n, 'W{prefix}' || n, NULL,
                'REGISTERED', {now}, 'COMPANY', 0, {allowance}, '{prefix}' || n || '@{rows.MailDomain}', 1, 'TVA,TDFC',
                '{rows.PasswordHash}', {now}, replace({Quote(SampleFiles.Primary(allowance.ToString(CultureInfo.InvariantCulture)))},
                '__LOGIN__', '{prefix}' || n), {now}, {now}, {SqliteRandomGuid}, '{SampleFiles.Siret}', '{SampleFiles.CompanyName}',
                '{SampleFiles.CompanyNameKey}', '{SampleFiles.ManagerEmail}', {Account.CurrentFileIndexVersion}
            FROM seq;
            """;
    }

    private static string PostgresWorkingSet(RowContext rows, string prefix, int count, int allowance)
    {
        var now = PostgresTime(rows.Now);
        return $"""
            {AccountColumns}
            SELECT gen_random_uuid(), '{rows.WhiteLabelId}', 'Primary', '{prefix}' || n, 'W{prefix}' || n, NULL,
                'REGISTERED', {now}, 'COMPANY', false, {allowance}, '{prefix}' || n || '@{rows.MailDomain}', true, 'TVA,TDFC',
                '{rows.PasswordHash}', {now}, replace({Quote(SampleFiles.Primary(allowance.ToString(CultureInfo.InvariantCulture)))},
                '__LOGIN__', '{prefix}' || n), {now}, {now}, gen_random_uuid(), '{SampleFiles.Siret}', '{SampleFiles.CompanyName}',
                '{SampleFiles.CompanyNameKey}', '{SampleFiles.ManagerEmail}', {Account.CurrentFileIndexVersion}
            FROM generate_series(0, {count - 1}) AS n;
            """;
    }

    private const string SqliteRandomGuid = "upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' "
        + "|| hex(randomblob(2)) || '-' || hex(randomblob(6)))";

    private static string SqliteGuid(Guid id) => id.ToString().ToUpperInvariant();

    private static string PostgresTime(DateTimeOffset at) =>
        $"timestamptz '{at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)}+00'";

    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
