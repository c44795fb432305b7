using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Guichet.Data;

/// <summary>
/// SQLite only: the store's reads outside a transaction run on connections this process keeps open, each with the
/// statements it has prepared. Microsoft.Data.Sqlite compiles a command's SQL on every execution and drops what it
/// compiled when the connection closes (EF Core issue 14044), and compiling costs more than running: a SOAP call's read of
/// its white label and caller, 80 µs compiled against 7 µs prepared. Prepared once, a cheap call costs 25–40 % less CPU
/// (bench/README.md, "Statements prepared once").
/// <para>
/// What is redirected: a command EF Core sends through a data reader with no transaction, whose text is a <c>SELECT</c>
/// (<see cref="SqliteWriteGate.IsSelect"/>; not a <c>PRAGMA</c>, which may set something on its connection), on a
/// database in a file. A read sees what every committed write left, as on the context's own connection; a read inside a
/// transaction stays on the transaction's connection, and so does every write, which keeps <see cref="SqliteWriteGate"/>
/// as it was. A kept connection serves one reader at a time and comes back when EF Core disposes the reader; what a
/// failed execution leaves is closed, not kept.
/// </para>
/// <para>
/// The kept connections are plain Microsoft.Data.Sqlite ones, with the page cache every connection has
/// (<see cref="SqlitePageCache"/>), without the SQL functions EF Core adds for decimals and regular expressions: the model
/// has neither (<c>SqlitePreparedReadsTests</c>).
/// </para>
/// </summary>
public sealed class SqlitePreparedReads(SqlitePageCache pageCache) : DbCommandInterceptor, IDisposable
{
    /// <summary>Idle kept connections per database at most: one that comes back past it is closed.</summary>
    public static readonly int IdleConnectionsKept = Math.Max(4, Environment.ProcessorCount * 2);

    /// <summary>Statements each kept connection holds prepared; past it, it drops them all and starts again.</summary>
    public const int StatementsPerConnection = 64;

    private readonly ConcurrentDictionary<string, Database?> _databases = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<DbCommand, Kept> _lent = new(ReferenceEqualityComparer.Instance);
    private long _prepared;
    private long _reused;

    /// <summary>Statements compiled for a kept connection since the start.</summary>
    public long Prepared => Interlocked.Read(ref _prepared);

    /// <summary>Executions that found their statement already prepared.</summary>
    public long Reused => Interlocked.Read(ref _reused);

    /// <summary>Kept connections idle now, for every database.</summary>
    public int Idle => _databases.Values.Sum(database => database?.Idle ?? 0);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result)
    {
        if (result.HasResult || Lend(command) is not { } kept)
        {
            return result;
        }

        try
        {
            return InterceptionResult<DbDataReader>.SuppressWithResult(kept.Statement(command, this).ExecuteReader());
        }
        catch
        {
            Discard(command, kept);
            throw;
        }
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (result.HasResult || Lend(command) is not { } kept)
        {
            return result;
        }

        try
        {
            // Awaited as a DbCommand's: an awaiter of SqliteDataReader in this method's state machine would load
            // Microsoft.Data.Sqlite into a PostgreSQL instance, whose migrations list every type of this assembly.
            DbCommand statement = kept.Statement(command, this);
            return InterceptionResult<DbDataReader>.SuppressWithResult(await statement.ExecuteReaderAsync(cancellationToken));
        }
        catch
        {
            Discard(command, kept);
            throw;
        }
    }

    // EF Core has closed the reader (RelationalDataReader closes before it tells the interceptors of the dispose).
    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        if (_lent.TryRemove(command, out var kept))
        {
            // Closed already, unless another interceptor suppressed the close: the next renter must find it done.
            eventData.DataReader.Dispose();
            kept.GiveBack();
        }

        return result;
    }

    public void Dispose()
    {
        foreach (var database in _databases.Values)
        {
            database?.Dispose();
        }
    }

    private Kept? Lend(DbCommand command)
    {
        if (command.Transaction is not null || command.Connection is not SqliteConnection connection
            || !SqliteWriteGate.IsSelect(command.CommandText) || DatabaseOf(connection.ConnectionString) is not { } database)
        {
            return null;
        }

        var kept = database.Rent(pageCache);
        _lent[command] = kept;
        return kept;
    }

    private void Discard(DbCommand command, Kept kept)
    {
        _lent.TryRemove(command, out _);
        kept.Dispose();
    }

    private Database? DatabaseOf(string connectionString) => _databases.GetOrAdd(connectionString, static text =>
        SqliteDataSource.IsInMemory(new SqliteConnectionStringBuilder(text)) ? null : new Database(text));

    /// <summary>The kept connections of one database.</summary>
    private sealed class Database(string connectionString) : IDisposable
    {
        private readonly ConcurrentBag<Kept> _idle = [];

        public int Idle => _idle.Count;

        public Kept Rent(SqlitePageCache pageCache)
        {
            if (_idle.TryTake(out var kept))
            {
                return kept;
            }

            var connection = new SqliteConnection(connectionString);
            connection.Open();
            pageCache.Set(connection);
            return new Kept(this, connection);
        }

        public void GiveBack(Kept kept)
        {
            if (_idle.Count < IdleConnectionsKept)
            {
                _idle.Add(kept);
            }
            else
            {
                kept.Dispose();
            }
        }

        public void Dispose()
        {
            while (_idle.TryTake(out var kept))
            {
                kept.Dispose();
            }
        }
    }

    /// <summary>A kept connection and its prepared statements, used by one reader at a time.</summary>
    private sealed class Kept(Database database, SqliteConnection connection) : IDisposable
    {
        private readonly Dictionary<string, SqliteCommand> _statements = new(StringComparer.Ordinal);

        public SqliteCommand Statement(DbCommand command, SqlitePreparedReads counts)
        {
            if (_statements.TryGetValue(command.CommandText, out var statement))
            {
                Interlocked.Increment(ref counts._reused);
            }
            else
            {
                if (_statements.Count >= StatementsPerConnection)
                {
                    DropStatements();
                }

                statement = connection.CreateCommand();
                statement.CommandText = command.CommandText;
                statement.Prepare();
                _statements[command.CommandText] = statement;
                Interlocked.Increment(ref counts._prepared);
            }

            Bind(statement, command);
            statement.CommandTimeout = command.CommandTimeout;
            return statement;
        }

        public void GiveBack() => database.GiveBack(this);

        public void Dispose()
        {
            DropStatements();
            connection.Dispose();
        }

        // The command's own parameters, as EF Core bound them (their types included); EF Core clears its list afterwards.
        private static void Bind(SqliteCommand statement, DbCommand command)
        {
            statement.Parameters.Clear();
            foreach (SqliteParameter parameter in command.Parameters)
            {
                statement.Parameters.Add(parameter);
            }
        }

        private void DropStatements()
        {
            foreach (var statement in _statements.Values)
            {
                statement.Dispose();
            }

            _statements.Clear();
        }
    }
}
