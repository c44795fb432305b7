using Guichet.Data;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Server.Tests.Hosting;

/// <summary>
/// SQLite only: every connection the server opens, to the store and to its nonce file, has the smaller page cache
/// (<see cref="SqlitePageCache"/>), also when the pool hands it out again. The store as <c>AddPersistence</c> registers it.
/// </summary>
public sealed class SqlitePageCacheTests
{
    [Fact]
    public async Task StoreConnections_HaveTheSmallerPageCache_AlsoWhenThePoolHandsThemOutAgain()
    {
        await using var store = new SqliteStoreServices("cache");
        // SQLite's own default, for the assertions below to mean something.
        await using (var plain = new SqliteConnection($"Data Source={Path.Combine(store.Folder, "plain.db")};Pooling=False"))
        {
            await plain.OpenAsync();
            Assert.Equal(-2000, await CacheSizeAsync(plain));
        }

        Assert.Equal(-SqlitePageCache.KibibytesPerConnection, await CacheSizeOfAsync<GuichetDbContext>(store));
        Assert.Equal(-SqlitePageCache.KibibytesPerConnection, await CacheSizeOfAsync<GuichetDbContext>(store));
    }

    [Fact]
    public async Task NonceFileConnections_HaveTheSmallerPageCache()
    {
        await using var store = new SqliteStoreServices("cache");
        Assert.Equal(-SqlitePageCache.KibibytesPerConnection, await CacheSizeOfAsync<NonceFileDbContext>(store));
        Assert.Equal(-SqlitePageCache.KibibytesPerConnection, await CacheSizeOfAsync<NonceFileDbContext>(store));
    }

    /// <summary>The cache size of the connection a new scope's context opens (the pool's, from the second time on).</summary>
    private static async Task<long> CacheSizeOfAsync<TContext>(SqliteStoreServices store)
        where TContext : DbContext
    {
        await using var scope = store.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            return await CacheSizeAsync((SqliteConnection)db.Database.GetDbConnection());
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<long> CacheSizeAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA cache_size";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
