using Microsoft.EntityFrameworkCore;

namespace Guichet.Data;

/// <summary>
/// SQLite only: keeps the context's connection open across a call's several queries. EF Core opens and closes the
/// connection around each query, and on every open Microsoft.Data.Sqlite registers EF Core's SQL functions on the pooled
/// handle (and removes them on every close): 7–8 % of a cheap SOAP call's CPU (bench/README.md, "Where the CPU of a
/// cheap call goes"). Not on PostgreSQL, where a call would then hold a pooled connection through its password hash.
/// <para>
/// A call that waits for a password hash gives the connection back first (<see cref="LetGoAsync"/>): in a burst the
/// wait for a core lasts seconds. Its later queries open one as EF Core does. The registrations, which always hash, keep
/// none: 40 registering at once held 40 connections, each with its page cache and its copy of the schema (bench/README.md,
/// "A burst's SQLite connections").
/// </para>
/// <para>
/// The one thing that lasts longer: a transaction disposed without commit or rollback (a failed SaveChanges) keeps
/// <see cref="SqliteWriteGate"/> until the call ends rather than until EF Core's next close; SQLite itself rolls it back
/// at once.
/// </para>
/// </summary>
public static class SqliteCallConnection
{
    // The connection the current call keeps open, for the code that waits long inside the call to give it back.
    private static readonly AsyncLocal<Kept?> s_current = new();

    /// <summary>Opens the connection for the caller's scope on SQLite; disposing the result closes it. Null elsewhere.</summary>
    /// <remarks>Not an async method: the call's flow must keep what it sets (an async method's changes end with it).</remarks>
    public static Task<IAsyncDisposable?> KeepOpenAsync(DbContext db, CancellationToken cancellationToken)
    {
        // A type test, not IsSqlite(): that would load SQLite's EF Core provider into a PostgreSQL instance.
        if (db is not SqliteGuichetDbContext)
        {
            return Task.FromResult<IAsyncDisposable?>(null);
        }

        var kept = new Kept(db);
        s_current.Value = kept;
        return kept.OpenAsync(cancellationToken);
    }

    /// <summary>
    /// Gives the connection the current call keeps open back to the pool, for the rest of the call, before a long wait.
    /// Nothing outside such a call, or while a transaction needs the connection.
    /// </summary>
    public static ValueTask LetGoAsync() => s_current.Value is { } kept ? kept.LetGoAsync() : ValueTask.CompletedTask;

    private sealed class Kept(DbContext db) : IAsyncDisposable
    {
        private bool _open;

        public async Task<IAsyncDisposable?> OpenAsync(CancellationToken cancellationToken)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            _open = true;
            return this;
        }

        // A transaction needs its connection until it ends.
        public ValueTask LetGoAsync() => db.Database.CurrentTransaction is null ? CloseAsync() : ValueTask.CompletedTask;

        public ValueTask DisposeAsync()
        {
            if (s_current.Value == this)
            {
                s_current.Value = null;
            }

            return CloseAsync();
        }

        private async ValueTask CloseAsync()
        {
            if (_open)
            {
                _open = false;
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
