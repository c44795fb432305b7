using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Guichet.Data;

/// <summary>
/// SQLite only: the page cache of each connection the server opens, smaller than SQLite's default of 2 MB. Each pooled
/// connection keeps a cache of its own, and the server holds about ten open under load: SQLite's default costs ~20 MB
/// of resident memory. 500 KiB gave most of it back, and 200 KiB 5 MB more in a burst of registrations, each at no
/// measured cost to the cheap calls or the writes, on a store of 2,000 accounts and of 1,000,000 (bench/README.md, "The
/// page cache of a SQLite connection"): the operating system's cache keeps the pages the connections do not.
/// Set once per physical connection: the pool hands the same one out again, and the setting lasts as long as it does.
/// </summary>
public sealed class SqlitePageCache : DbConnectionInterceptor
{
    public const int KibibytesPerConnection = 200;

    // A negative cache_size is in KiB, a positive one in pages.
    private static readonly string s_setting = $"PRAGMA cache_size = -{KibibytesPerConnection}";

    // The physical connections already set, by their SQLite handle (gone with it).
    private readonly ConditionalWeakTable<object, object> _set = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Set(connection);

    /// <summary>Sets the cache of an open connection EF Core did not open (<see cref="SqlitePreparedReads"/>); once per physical one.</summary>
    public void Set(DbConnection connection)
    {
        if (IsNew(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = s_setting;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (IsNew(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = s_setting;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // Every open asks: a lock-free look-up first, the table's lock only for a new connection.
    private bool IsNew(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && !_set.TryGetValue(handle, out _) && _set.TryAdd(handle, handle);
}
