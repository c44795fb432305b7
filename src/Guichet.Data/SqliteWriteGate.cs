using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Guichet.Data;

/// <summary>
/// SQLite only: the writers of this process queue here, in memory and without blocking a thread, one at a time per
/// database file, instead of racing for SQLite's single write lock. Microsoft.Data.Sqlite opens every transaction with
/// <c>BEGIN IMMEDIATE</c> and retries a busy database after <c>Thread.Sleep(150)</c> until the command times out: a writer
/// that lost the race slept 150 ms holding a thread, the cheap SOAP calls' p99 (bench/README.md).
/// <para>
/// What waits: a transaction EF Core begins (from before <c>BEGIN</c> until it commits, rolls back, fails to, its
/// <c>BEGIN</c> fails, or its connection closes — a transaction disposed without either is rolled back by the close EF
/// Core then makes, or, on a connection the caller opened, holds the gate until that connection closes), and an
/// autocommit write: a command with no transaction whose text, past blanks and <c>--</c> comment lines, does not start
/// with <c>SELECT</c> or <c>PRAGMA</c> (ExecuteUpdate/Delete, ExecuteSql, <c>INSERT … RETURNING</c> through SqlQuery, a
/// SaveChanges of one statement), until it returns, fails or its reader closes. Reads never wait (WAL: readers do not
/// block the writer).
/// </para>
/// <para>
/// A connection that holds the gate enters again at once (its own later writes). A wait is bounded by the connection's
/// default timeout (30 s, SQLite's own retry bound); past it the write goes on without the gate (SQLite's retry, as
/// before) and a warning is logged: a scope holding the gate on one connection and writing on another cannot deadlock.
/// A cancelled wait takes nothing. Per process: two processes on one file still meet SQLite's retry (SQLite is the
/// one-instance store; several instances use PostgreSQL).
/// </para>
/// A singleton added to the pooled context's options: its state is per connection, never per context.
/// </summary>
public sealed class SqliteWriteGate : IDbTransactionInterceptor, IDbCommandInterceptor, IDisposable
{
    /// <summary>The meter of the gate's instruments (<c>dotnet-counters monitor --counters Guichet.SqliteWriteGate</c>).</summary>
    public const string MeterName = "Guichet.SqliteWriteGate";

    // One lock per file for the process, whatever connection strings name it.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> s_byFile = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, SemaphoreSlim?> _gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<DbConnection, Hold> _holds = new(ReferenceEqualityComparer.Instance);
    private readonly ILogger<SqliteWriteGate> _logger;
    private readonly Meter _meter;
    private readonly Counter<long> _enteredCounter;
    private readonly Counter<long> _waitedCounter;
    private readonly Counter<long> _timedOutCounter;
    private readonly Histogram<double> _waits;
    private long _entered;
    private long _waited;
    private long _timedOut;
    private long _waiting;

    public SqliteWriteGate(ILogger<SqliteWriteGate> logger, IMeterFactory meters)
    {
        _logger = logger;
        _meter = meters.Create(MeterName);
        _enteredCounter = _meter.CreateCounter<long>("guichet.sqlite_write_gate.entered", description: "Writes that took the gate.");
        _waitedCounter = _meter.CreateCounter<long>(
            "guichet.sqlite_write_gate.waited", description: "Writes that took the gate after waiting for another writer.");
        _timedOutCounter = _meter.CreateCounter<long>(
            "guichet.sqlite_write_gate.timed_out", description: "Writes that went on without the gate after the connection's timeout.");
        _waits = _meter.CreateHistogram<double>(
            "guichet.sqlite_write_gate.wait", unit: "ms", description: "Time a write waited for the gate (only those that waited).");
        _meter.CreateObservableGauge("guichet.sqlite_write_gate.waiting", () => Waiting, description: "Writes waiting for the gate now.");
    }

    /// <summary>Writes that took the gate since the start.</summary>
    public long Entered => Interlocked.Read(ref _entered);

    /// <summary>Writes that took the gate after waiting: another writer of this process held it.</summary>
    public long EnteredAfterWaiting => Interlocked.Read(ref _waited);

    /// <summary>Writes waiting for the gate now.</summary>
    public long Waiting => Interlocked.Read(ref _waiting);

    /// <summary>Writes that waited the connection's whole timeout and went on without the gate.</summary>
    public long TimedOut => Interlocked.Read(ref _timedOut);

    /// <summary>Whether no writer holds the gate of the database of <paramref name="connectionString"/> (true when it has none).</summary>
    public bool IsFree(string connectionString) => GateOf(connectionString) is not { CurrentCount: 0 };

    public void Dispose() => _meter.Dispose();

    InterceptionResult<DbTransaction> IDbTransactionInterceptor.TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        var took = Enter(connection, async: false, CancellationToken.None).GetAwaiter().GetResult();
        return BeginBehindTheGate(connection, took, result, () => Task.FromResult(connection.BeginTransaction(eventData.IsolationLevel)))
            .GetAwaiter().GetResult();
    }

    async ValueTask<InterceptionResult<DbTransaction>> IDbTransactionInterceptor.TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken)
    {
        var took = await Enter(connection, async: true, cancellationToken);
        return await BeginBehindTheGate(
            connection, took, result, () => connection.BeginTransactionAsync(eventData.IsolationLevel, cancellationToken).AsTask());
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => LeaveAt(eventData);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        LeaveAt(eventData);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => LeaveAt(eventData);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        LeaveAt(eventData);
        return Task.CompletedTask;
    }

    // A failed savepoint leaves the transaction going; a failed commit or rollback ends it (the dispose that follows rolls
    // back what is left).
    void IDbTransactionInterceptor.TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => LeaveIfEnded(eventData);

    Task IDbTransactionInterceptor.TransactionFailedAsync(
        DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken)
    {
        LeaveIfEnded(eventData);
        return Task.CompletedTask;
    }

    InterceptionResult<DbDataReader> IDbCommandInterceptor.ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) => TakeThen(command, result);

    ValueTask<InterceptionResult<DbDataReader>> IDbCommandInterceptor.ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken) => TakeThenAsync(command, result, cancellationToken);

    InterceptionResult<int> IDbCommandInterceptor.NonQueryExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result) => TakeThen(command, result);

    ValueTask<InterceptionResult<int>> IDbCommandInterceptor.NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken) => TakeThenAsync(command, result, cancellationToken);

    InterceptionResult<object> IDbCommandInterceptor.ScalarExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result) => TakeThen(command, result);

    ValueTask<InterceptionResult<object>> IDbCommandInterceptor.ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken) => TakeThenAsync(command, result, cancellationToken);

    int IDbCommandInterceptor.NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) => GiveBackThen(command, result);

    ValueTask<int> IDbCommandInterceptor.NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken) => ValueTask.FromResult(GiveBackThen(command, result));

    object? IDbCommandInterceptor.ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) =>
        GiveBackThen(command, result);

    ValueTask<object?> IDbCommandInterceptor.ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
        CancellationToken cancellationToken) => ValueTask.FromResult(GiveBackThen(command, result));

    // A reader's statement keeps SQLite's write lock until the reader is closed.
    InterceptionResult IDbCommandInterceptor.DataReaderClosing(
        DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result) => GiveBackThen(command, result);

    ValueTask<InterceptionResult> IDbCommandInterceptor.DataReaderClosingAsync(
        DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result) => ValueTask.FromResult(GiveBackThen(command, result));

    InterceptionResult IDbCommandInterceptor.DataReaderDisposing(
        DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result) => GiveBackThen(command, result);

    void IDbCommandInterceptor.CommandFailed(DbCommand command, CommandErrorEventData eventData) => LeaveForCommand(command);

    Task IDbCommandInterceptor.CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken)
    {
        LeaveForCommand(command);
        return Task.CompletedTask;
    }

    void IDbCommandInterceptor.CommandCanceled(DbCommand command, CommandEndEventData eventData) => LeaveForCommand(command);

    Task IDbCommandInterceptor.CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken)
    {
        LeaveForCommand(command);
        return Task.CompletedTask;
    }

    /// <summary>The rule for autocommit commands: anything but a read is a write.</summary>
    internal static bool IsWrite(string? sql)
    {
        var text = Statement(sql);
        return !text.IsEmpty
            && !text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
            && !text.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A query and nothing else: a <c>SELECT</c> (a <c>PRAGMA</c> may set something on its connection).</summary>
    internal static bool IsSelect(string? sql) => Statement(sql).StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);

    // The command's text past blanks and -- comment lines (EF Core's tags).
    private static ReadOnlySpan<char> Statement(string? sql)
    {
        var text = (sql ?? string.Empty).AsSpan();
        while (true)
        {
            text = text.TrimStart();
            if (!text.StartsWith("--", StringComparison.Ordinal))
            {
                return text;
            }

            var end = text.IndexOf('\n');
            text = end < 0 ? [] : text[(end + 1)..];
        }
    }

    // The command interceptors' shapes: take or give back the gate, then let the command's result through unchanged.
    private T TakeThen<T>(DbCommand command, T result)
    {
        EnterForCommand(command, async: false, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    private async ValueTask<T> TakeThenAsync<T>(DbCommand command, T result, CancellationToken cancellationToken)
    {
        await EnterForCommand(command, async: true, cancellationToken);
        return result;
    }

    private T GiveBackThen<T>(DbCommand command, T result)
    {
        LeaveForCommand(command);
        return result;
    }

    private Task EnterForCommand(DbCommand command, bool async, CancellationToken cancellationToken) =>
        command.Transaction is null && command.Connection is { } connection && IsWrite(command.CommandText)
            ? Enter(connection, async, cancellationToken, command)
            : Task.CompletedTask;

    // The gate begins the transaction itself, so that a BEGIN that fails is seen: EF Core tells an interceptor nothing of it,
    // and on a connection the caller opened (a SOAP call's) the gate would stay taken until the connection closed.
    private async Task<InterceptionResult<DbTransaction>> BeginBehindTheGate(DbConnection connection, bool took,
        InterceptionResult<DbTransaction> result, Func<Task<DbTransaction>> begin)
    {
        if (result.HasResult)
        {
            return result;
        }

        try
        {
            return InterceptionResult<DbTransaction>.SuppressWithResult(await begin());
        }
        catch when (took)
        {
            // Another process's writer past the timeout, a cancelled begin: no transaction, so no write lock to guard.
            Leave(connection);
            throw;
        }
    }

    /// <summary>Takes the gate for <paramref name="connection"/>; true when this call took it (not already held, not timed out).</summary>
    private async Task<bool> Enter(DbConnection connection, bool async, CancellationToken cancellationToken, DbCommand? command = null)
    {
        // Re-entrance: a connection that holds the gate writes again (its own transaction's commands carry it and never get here).
        if (connection.State != ConnectionState.Open || _holds.ContainsKey(connection) || GateOf(connection.ConnectionString) is not { } gate)
        {
            return false;
        }

        var waited = false;
        if (!gate.Wait(0, CancellationToken.None))
        {
            waited = true;
            var timeout = TimeSpan.FromSeconds(connection is SqliteConnection sqlite ? sqlite.DefaultTimeout : 30);
            var started = Stopwatch.GetTimestamp();
            bool entered;
            Interlocked.Increment(ref _waiting);
            try
            {
                entered = async ? await gate.WaitAsync(timeout, cancellationToken) : gate.Wait(timeout, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }

            _waits.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (!entered)
            {
                Interlocked.Increment(ref _timedOut);
                _timedOutCounter.Add(1);
                _logger.LogWarning("A SQLite write waited {Timeout} for this process's other writer and goes on without the write gate "
                    + "(SQLite retries while the database is busy).", timeout);
                return false;
            }
        }

        var hold = new Hold(gate, command);
        hold.OnStateChange = (_, change) =>
        {
            if (change.CurrentState != ConnectionState.Open)
            {
                Leave(connection);
            }
        };
        _holds[connection] = hold;
        connection.StateChange += hold.OnStateChange;
        Interlocked.Increment(ref _entered);
        _enteredCounter.Add(1);
        if (waited)
        {
            Interlocked.Increment(ref _waited);
            _waitedCounter.Add(1);
        }

        return true;
    }

    private void LeaveForCommand(DbCommand command)
    {
        // Only the command that took the gate gives it back (not a command of a connection that held it already).
        if (command.Connection is { } connection && _holds.TryGetValue(connection, out var hold) && ReferenceEquals(hold.Command, command))
        {
            Leave(connection);
        }
    }

    private void LeaveIfEnded(TransactionErrorEventData eventData)
    {
        if (eventData.Action is "Commit" or "Rollback")
        {
            LeaveAt(eventData);
        }
    }

    // An ended transaction no longer knows its connection (Microsoft.Data.Sqlite forgets it); the context does.
    private void LeaveAt(TransactionEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            Leave(context.Database.GetDbConnection());
        }
    }

    // Exactly once per hold: whoever removes it releases it.
    private void Leave(DbConnection connection)
    {
        if (_holds.TryRemove(connection, out var hold))
        {
            connection.StateChange -= hold.OnStateChange;
            hold.Gate.Release();
        }
    }

    private SemaphoreSlim? GateOf(string connectionString) => _gates.GetOrAdd(connectionString, static text =>
    {
        var builder = new SqliteConnectionStringBuilder(text);
        return SqliteDataSource.IsInMemory(builder)
            ? null
            : s_byFile.GetOrAdd(Path.GetFullPath(builder.DataSource), static _ => new SemaphoreSlim(1, 1));
    });

    private sealed class Hold(SemaphoreSlim gate, DbCommand? command)
    {
        public SemaphoreSlim Gate { get; } = gate;

        public DbCommand? Command { get; } = command;

        public StateChangeEventHandler? OnStateChange { get; set; }
    }
}
