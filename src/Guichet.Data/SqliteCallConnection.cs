using Microsoft.EntityFrameworkCore;

namespace Guichet.Data;

/// <summary>
/// SQLite only: keeps the context's connection open across a call's several queries. EF Core opens and closes the
/// connection around each query, and on every open Microsoft.Data.Sqlite registers EF Core's SQL functions on the pooled
/// handle (and removes them on every close): 7–8 % of a cheap SOAP call's CPU (bench/README.md, "Where the CPU of a
/// cheap call goes"). Not on PostgreSQL, where a call would then hold a pooled connection through its password hash.
/// <para>
/// The one thing that lasts longer: a transaction disposed without commit or rollback (a failed SaveChanges) keeps
/// <see cref="SqliteWriteGate"/> until the call ends rather than until EF Core's next close; SQLite itself rolls it back
/// at once.
/// </para>
/// </summary>
public static class SqliteCallConnection
{
    /// <summary>Opens the connection for the caller's scope on SQLite; disposing the result closes it. Null elsewhere.</summary>
    public static async Task<IAsyncDisposable?> KeepOpenAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return null;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        return new Opened(db);
    }

    private sealed class Opened(DbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await db.Database.CloseConnectionAsync();
    }
}
