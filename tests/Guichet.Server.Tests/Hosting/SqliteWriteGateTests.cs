using System.Data;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.Security;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Guichet.Server.Tests.Hosting;

/// <summary>
/// SQLite only (PostgreSQL has no gate): the store as <c>AddPersistence</c> registers it, without a server, so that no worker
/// writes beside the test and the gate's counters are the test's own. The connections time out after 3 s (the server's
/// default is 30 s), so that a gate that is never given back fails a test in seconds, as a timed-out wait.
/// </summary>
public sealed class SqliteWriteGateTests : IAsyncLifetime, IDisposable
{
    private const int Writers = 16;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "guichet-gate-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly CapturedLog _log = new();
    private readonly string _connectionString;
    private readonly ServiceProvider _services;
    private readonly SqliteWriteGate _gate;

    public SqliteWriteGateTests()
    {
        _connectionString = $"Data Source={Path.Combine(_folder, "guichet.db")};Default Timeout=3";
        _services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(_log))
            .AddMetrics()
            .AddPersistence(new DatabaseOptions { Provider = "Sqlite", ConnectionString = _connectionString })
            .BuildServiceProvider();
        _gate = _services.GetRequiredService<SqliteWriteGate>();
    }

    public async Task InitializeAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<GuichetDbContext>().Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder.
        }
    }

    public void Dispose() => _log.Dispose();

    [Fact]
    public async Task ConcurrentReadThenWriteTransactions_QueueAtTheGate_AndAllCommit()
    {
        var subject = NewSubject();
        var before = _gate.EnteredAfterWaiting;
        Task[] writers;
        await using (var holder = await OpenTransactionAsync())
        {
            // Each writer reads, then writes, in its own transaction: with the gate held, all of them queue in memory.
            writers = [.. Enumerable.Range(0, Writers).Select(i => Task.Run(() => ReadThenWriteAsync(subject, i)))];
            await UntilAsync(() => _gate.Waiting == Writers);
            await holder.Transaction.CommitAsync();
        }

        await Task.WhenAll(writers);
        Assert.Equal(Writers, _gate.EnteredAfterWaiting - before);
        Assert.Equal(0, _gate.TimedOut);
        Assert.True(_gate.IsFree(_connectionString));
        Assert.Equal(Writers, await InDbAsync(db => db.AuditEntries.CountAsync(e => e.Subject == subject)));
    }

    [Fact]
    public async Task Rollback_GivesTheGateBack()
    {
        await using (var held = await OpenTransactionAsync())
        {
            held.Db.AuditEntries.Add(Entry(NewSubject()));
            await held.Db.SaveChangesAsync();
            Assert.False(_gate.IsFree(_connectionString));
            await held.Transaction.RollbackAsync();
            Assert.True(_gate.IsFree(_connectionString));
        }

        await NextWriterGetsInAsync();
    }

    [Fact]
    public async Task TransactionDisposedWithoutCommit_GivesTheGateBack()
    {
        var subject = NewSubject();
        await using (var held = await OpenTransactionAsync())
        {
            held.Db.AuditEntries.Add(Entry(subject));
            await held.Db.SaveChangesAsync();
        }

        Assert.True(_gate.IsFree(_connectionString));
        Assert.Equal(0, await InDbAsync(db => db.AuditEntries.CountAsync(e => e.Subject == subject)));
        await NextWriterGetsInAsync();
    }

    [Fact]
    public async Task UniqueViolationInsideATransaction_GivesTheGateBack()
    {
        var login = NewSubject();
        await InDbAsync(async db =>
        {
            db.LoginThrottles.Add(new LoginThrottle { Login = login, Failures = 1 });
            return await db.SaveChangesAsync();
        });

        // SaveChanges of two rows opens its own transaction; the second row breaks the unique key and nothing is committed.
        await Assert.ThrowsAsync<DbUpdateException>(() => InDbAsync(async db =>
        {
            db.AuditEntries.Add(Entry(login));
            db.LoginThrottles.Add(new LoginThrottle { Login = login, Failures = 2 });
            return await db.SaveChangesAsync();
        }));

        Assert.True(_gate.IsFree(_connectionString));
        await NextWriterGetsInAsync();
    }

    [Fact]
    public async Task FailedAutocommitStatement_GivesTheGateBack()
    {
        var login = NewSubject();
        await InDbAsync(db => db.Database.ExecuteSqlAsync($"""INSERT INTO login_throttles ("Login", "Failures") VALUES ({login}, 1)"""));
        await Assert.ThrowsAnyAsync<Exception>(() =>
            InDbAsync(db => db.Database.ExecuteSqlAsync($"""INSERT INTO login_throttles ("Login", "Failures") VALUES ({login}, 1)""")));
        await Assert.ThrowsAnyAsync<Exception>(() => InDbAsync(db => db.Database.SqlQuery<int>(
            $"""INSERT INTO login_throttles ("Login", "Failures") VALUES ({login}, 1) RETURNING "Failures" AS "Value" """).ToListAsync()));

        Assert.True(_gate.IsFree(_connectionString));
        await NextWriterGetsInAsync();
    }

    [Fact]
    public async Task AutocommitWriteThroughAReader_HoldsTheGateUntilTheReaderCloses()
    {
        var login = NewSubject();
        var before = _gate.Entered;
        var counted = await InDbAsync(db => db.Database.SqlQuery<int>($"""
            INSERT INTO login_throttles ("Login", "Failures") VALUES ({login}, 1)
            ON CONFLICT ("Login") DO UPDATE SET "Failures" = login_throttles."Failures" + 1
            RETURNING "Failures" AS "Value"
            """).ToListAsync());

        Assert.Equal([1], counted);
        Assert.Equal(1, _gate.Entered - before);
        Assert.True(_gate.IsFree(_connectionString));
        await NextWriterGetsInAsync();
    }

    [Fact]
    public async Task Reads_DoNotWaitForTheGate()
    {
        var before = _gate.Entered;
        await using (var held = await OpenTransactionAsync())
        {
            var read = await InDbAsync(db => db.AuditEntries.CountAsync(e => e.Subject == "nobody"));
            var pragma = await InDbAsync(db => db.Database.SqlQuery<long>($"PRAGMA user_version").ToListAsync());
            Assert.Equal(0, read);
            Assert.Single(pragma);
            await held.Transaction.CommitAsync();
        }

        Assert.Equal(1, _gate.Entered - before);
        Assert.Equal(0, _gate.TimedOut);
    }

    [Fact]
    public async Task OnAConnectionTheCallerOpened_EveryEndOfAWriteGivesTheGateBack()
    {
        // EF Core closes a connection it opened itself after each write, which would give the gate back anyway: here only
        // the ends of the writes can.
        var login = NewSubject();
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDbContext>();
        await db.Database.OpenConnectionAsync();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.AuditEntries.Add(Entry(login));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        Assert.True(_gate.IsFree(_connectionString), "after a commit");
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await transaction.RollbackAsync();
        }

        Assert.True(_gate.IsFree(_connectionString), "after a rollback");
        await db.Database.ExecuteSqlAsync($"""INSERT INTO login_throttles ("Login", "Failures") VALUES ({login}, 1)""");
        Assert.True(_gate.IsFree(_connectionString), "after an autocommit statement");
        await Assert.ThrowsAnyAsync<Exception>(() =>
            db.Database.ExecuteSqlAsync($"""INSERT INTO login_throttles ("Login", "Failures") VALUES ({login}, 1)"""));
        Assert.True(_gate.IsFree(_connectionString), "after a failed autocommit statement");
        var counted = await db.Database.SqlQuery<int>(
            $"""UPDATE login_throttles SET "Failures" = "Failures" + 1 WHERE "Login" = {login} RETURNING "Failures" AS "Value" """).ToListAsync();
        Assert.Equal([2], counted);
        Assert.True(_gate.IsFree(_connectionString), "after a write read through a reader");
        Assert.Equal(ConnectionState.Open, db.Database.GetDbConnection().State);
        Assert.Equal(0, _gate.TimedOut);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task BeginThatFails_OnAConnectionTheCallerOpened_GivesTheGateBack(bool async)
    {
        // Another process's writer (a connection this process's gate knows nothing of) keeps SQLite's write lock: the
        // BEGIN IMMEDIATE behind the gate fails once the connection's timeout has passed.
        await using var otherProcess = new Microsoft.Data.Sqlite.SqliteConnection(_connectionString);
        await otherProcess.OpenAsync();
        await using var otherWrite = await otherProcess.BeginTransactionAsync();

        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDbContext>();
        await db.Database.OpenConnectionAsync();
        var failed = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(async () =>
        {
            if (async)
            {
                await db.Database.BeginTransactionAsync();
            }
            else
            {
                db.Database.BeginTransaction();
            }
        });

        Assert.Equal(5, failed.SqliteErrorCode); // SQLITE_BUSY
        Assert.Null(db.Database.CurrentTransaction);
        Assert.Equal(ConnectionState.Open, db.Database.GetDbConnection().State);
        Assert.True(_gate.IsFree(_connectionString));
        await otherWrite.RollbackAsync();
        await NextWriterGetsInAsync();
    }

    [Fact]
    public async Task ConnectionThatHoldsTheGate_WritesAgainWithoutWaitingForItself()
    {
        var subject = NewSubject();
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GuichetDbContext>();
            await db.Database.OpenConnectionAsync();
            // A transaction disposed without commit on a connection the caller opened: the gate stays with the connection.
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                db.AuditEntries.Add(Entry(subject));
                await db.SaveChangesAsync();
            }

            Assert.False(_gate.IsFree(_connectionString));
            db.ChangeTracker.Clear();
            var updated = await db.LoginThrottles.Where(t => t.Login == subject).ExecuteDeleteAsync();
            db.AuditEntries.Add(Entry(subject));
            await db.SaveChangesAsync();
            Assert.Equal(0, updated);
            Assert.Equal(0, _gate.TimedOut);
        }

        // The scope's end closes the connection, which gives the gate back.
        Assert.True(_gate.IsFree(_connectionString));
        Assert.Equal(1, await InDbAsync(db => db.AuditEntries.CountAsync(e => e.Subject == subject)));
    }

    [Fact]
    public async Task WriterWaitingPastTheConnectionTimeout_GoesOnWithoutTheGate_AndLogsIt()
    {
        var subject = NewSubject();
        Task<int> late;
        await using (var holder = await OpenTransactionAsync())
        {
            late = Task.Run(() => InDbAsync(db => db.AuditEntries.Where(e => e.Subject == subject).ExecuteDeleteAsync()));
            await UntilAsync(() => _gate.TimedOut == 1);
            // Past the gate, SQLite's own retry waits for the holder, as it did without the gate.
            await holder.Transaction.CommitAsync();
        }

        Assert.Equal(0, await late);
        Assert.Contains(_log.Lines, line => line.Level == LogLevel.Warning && line.Category == typeof(SqliteWriteGate).FullName);
        Assert.True(_gate.IsFree(_connectionString));
    }

    [Fact]
    public async Task CancelledWait_TakesNothing_AndGivesNothingBack()
    {
        using var cancel = new CancellationTokenSource();
        Task<int> cancelled;
        await using (var holder = await OpenTransactionAsync())
        {
            cancelled = Task.Run(() => InDbAsync(db => db.LoginThrottles.Where(t => t.Login == "nobody").ExecuteDeleteAsync(cancel.Token)));
            await UntilAsync(() => _gate.Waiting == 1);
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
            Assert.False(_gate.IsFree(_connectionString));
            // A wait that gave back what it never took would make this release overflow the gate.
            await holder.Transaction.CommitAsync();
        }

        Assert.True(_gate.IsFree(_connectionString));
        await NextWriterGetsInAsync();
    }

    private async Task ReadThenWriteAsync(string subject, int i)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var count = await db.AuditEntries.CountAsync(e => e.Subject == subject);
        db.AuditEntries.Add(Entry(subject, $"writer {i} saw {count}"));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    /// <summary>A following writer takes the gate without waiting.</summary>
    private async Task NextWriterGetsInAsync()
    {
        var (entered, waited) = (_gate.Entered, _gate.EnteredAfterWaiting);
        await InDbAsync(async db =>
        {
            db.AuditEntries.Add(Entry(NewSubject()));
            return await db.SaveChangesAsync();
        });
        Assert.Equal(entered + 1, _gate.Entered);
        Assert.Equal(waited, _gate.EnteredAfterWaiting);
        Assert.Equal(0, _gate.TimedOut);
    }

    private async Task<HeldTransaction> OpenTransactionAsync()
    {
        var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDbContext>();
        var transaction = await db.Database.BeginTransactionAsync();
        return new HeldTransaction(scope, db, transaction);
    }

    private async Task<T> InDbAsync<T>(Func<GuichetDbContext, Task<T>> action)
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<GuichetDbContext>());
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 400 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition());
    }

    private static string NewSubject() => "gate" + Guid.NewGuid().ToString("N")[..10];

    private static AuditEntry Entry(string subject, string detail = "gate") =>
        new() { Actor = "test", Event = AuditEvents.AccountModified, Subject = subject, Detail = detail, At = DateTimeOffset.UtcNow };

    private sealed record HeldTransaction(AsyncServiceScope Scope, GuichetDbContext Db,
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction Transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Transaction.DisposeAsync();
            await Scope.DisposeAsync();
        }
    }
}
