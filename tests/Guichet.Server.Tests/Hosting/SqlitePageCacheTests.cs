using Guichet.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Server.Tests.Hosting;

/// <summary>
/// SQLite only: every connection the server opens, to the store and to its nonce file, has the smaller page cache
/// (<see cref="SqlitePageCache"/>), also when the pool hands it out again. The store as <c>AddPersistence</c> registers it.
/// </summary>
public sealed class SqlitePageCacheTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "guichet-cache-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly ServiceProvider _services;

    public SqlitePageCacheTests()
    {
        _services = new ServiceCollection()
            .AddLogging()
            .AddMetrics()
            .AddPersistence(new DatabaseOptions { Provider = "Sqlite", ConnectionString = $"Data Source={Path.Combine(_folder, "guichet.db")}" })
            .BuildServiceProvider();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder.
        }
    }

    [Fact]
    public async Task StoreConnections_HaveTheSmallerPageCache_AlsoWhenThePoolHandsThemOutAgain()
    {
        // SQLite's own default, for the assertions below to mean something.
        await using (var plain = new SqliteConnection($"Data Source={Path.Combine(_folder, "plain.db")};Pooling=False"))
        {
            await plain.OpenAsync();
            Assert.Equal(-2000, await CacheSizeAsync(plain));
        }

        Assert.Equal(-SqlitePageCache.KibibytesPerConnection, await CacheSizeOfAsync<GuichetDbContext>());
        Assert.Equal(-SqlitePageCache.KibibytesPerConnection, await CacheSizeOfAsync<GuichetDbContext>());
    }

    [Fact]
    public async Task NonceFileConnections_HaveTheSmallerPageCache()
    {
        Assert.Equal(-SqlitePageCache.KibibytesPerConnection, await CacheSizeOfAsync<NonceFileDbContext>());
        Assert.Equal(-SqlitePageCache.KibibytesPerConnection, await CacheSizeOfAsync<NonceFileDbContext>());
    }

    /// <summary>The cache size of the connection a new scope's context opens (the pool's, from the second time on).</summary>
    private async Task<long> CacheSizeOfAsync<TContext>()
        where TContext : DbContext
    {
        await using var scope = _services.CreateAsyncScope();
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
