using Guichet.Data;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Server.Tests.Hosting;

/// <summary>
/// SQLite: the store's reads outside a transaction run on kept connections with their statements prepared
/// (<see cref="SqlitePreparedReads"/>); a read in a transaction, a write and an in-memory store stay as EF Core runs them.
/// </summary>
public sealed class SqlitePreparedReadsTests
{
    private const string ReadAll = "SELECT x AS Value FROM t";

    [Fact]
    public async Task TheSameRead_InOneContextAfterAnother_IsPreparedOnce_OnOneKeptConnection()
    {
        await using var store = await StoreWithRowsAsync(1);
        var reads = store.Services.GetRequiredService<SqlitePreparedReads>();

        for (var call = 0; call < 5; call++)
        {
            Assert.Equal([1], await ReadAsync(store));
        }

        Assert.Equal(1, reads.Prepared);
        Assert.Equal(4, reads.Reused);
        Assert.Equal(1, reads.Idle);
    }

    [Fact]
    public async Task AReadAfterAWriteCommittedElsewhere_SeesIt()
    {
        await using var store = await StoreWithRowsAsync(1);
        Assert.Equal([1], await ReadAsync(store));

        await WriteAsync(store, "INSERT INTO t VALUES (2)");

        Assert.Equal([1, 2], await ReadAsync(store));
        Assert.Equal(1, store.Services.GetRequiredService<SqlitePreparedReads>().Reused);
    }

    [Fact]
    public async Task AReadInATransaction_StaysOnItsConnection_AndSeesTheTransactionsOwnWrite()
    {
        await using var store = await StoreWithRowsAsync(1);
        var reads = store.Services.GetRequiredService<SqlitePreparedReads>();
        await using var scope = store.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDbContext>();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO t VALUES (2)");
            Assert.Equal([1, 2], await db.Database.SqlQueryRaw<int>(ReadAll).OrderBy(x => x).ToListAsync());
            await transaction.RollbackAsync();
        }

        Assert.Equal(0, reads.Prepared + reads.Reused);
        Assert.Equal([1], await ReadAsync(store));
    }

    // A PRAGMA may set something on its connection: it stays on the context's, like a write.
    [Fact]
    public async Task APragma_RunsOnTheContextsConnection()
    {
        await using var store = await StoreWithRowsAsync(1);
        await using var scope = store.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDbContext>();

        Assert.Single(await db.Database.SqlQueryRaw<long>("PRAGMA user_version").ToListAsync());

        Assert.Equal(0, store.Services.GetRequiredService<SqlitePreparedReads>().Prepared);
    }

    [Fact]
    public async Task AFailedRead_ClosesItsKeptConnection_AndTheNextReadGetsAnother()
    {
        await using var store = await StoreWithRowsAsync(1);
        var reads = store.Services.GetRequiredService<SqlitePreparedReads>();
        await using (var scope = store.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GuichetDbContext>();
            await Assert.ThrowsAsync<SqliteException>(() => db.Database.SqlQueryRaw<int>("SELECT x AS Value FROM missing").ToListAsync());
        }

        Assert.Equal(0, reads.Idle);
        Assert.Equal([1], await ReadAsync(store));
        Assert.Equal(1, reads.Idle);
    }

    [Fact]
    public async Task ReadsAtOnce_EachGetAConnectionOfItsOwn_AndNoMoreThanTheBoundStayOpen()
    {
        await using var store = await StoreWithRowsAsync(3);
        var readers = SqlitePreparedReads.IdleConnectionsKept + 8;

        var results = await Task.WhenAll(Enumerable.Range(0, readers).Select(_ => Task.Run(() => ReadAsync(store))));

        Assert.All(results, rows => Assert.Equal([1, 2, 3], rows));
        Assert.InRange(store.Services.GetRequiredService<SqlitePreparedReads>().Idle, 1, SqlitePreparedReads.IdleConnectionsKept);
    }

    [Fact]
    public async Task AStoreInMemory_ReadsOnTheContextsOwnConnection()
    {
        await using var store = new SqliteStoreServices("prepared", "Data Source=:memory:");
        await using var scope = store.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDbContext>();
        await db.Database.OpenConnectionAsync();

        await db.Database.ExecuteSqlRawAsync("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)");

        Assert.Equal([1], await db.Database.SqlQueryRaw<int>(ReadAll).ToListAsync());
        Assert.Equal(0, store.Services.GetRequiredService<SqlitePreparedReads>().Prepared);
    }

    // The kept connections lack the SQL functions EF Core adds for decimals and regular expressions: none may be needed.
    [Fact]
    public async Task TheStoresModel_HasNoDecimal()
    {
        await using var store = new SqliteStoreServices("prepared");
        await using var scope = store.Services.CreateAsyncScope();
        var model = scope.ServiceProvider.GetRequiredService<GuichetDbContext>().Model;

        var decimals = model.GetEntityTypes().SelectMany(entity => entity.GetProperties())
            .Where(property => Nullable.GetUnderlyingType(property.ClrType) == typeof(decimal) || property.ClrType == typeof(decimal))
            .Select(property => property.DeclaringType.Name + "." + property.Name);

        Assert.Empty(decimals);
    }

    private static async Task<SqliteStoreServices> StoreWithRowsAsync(int rows)
    {
        var store = new SqliteStoreServices("prepared");
        await WriteAsync(store, "CREATE TABLE t (x INTEGER); "
            + string.Join(' ', Enumerable.Range(1, rows).Select(x => $"INSERT INTO t VALUES ({x});")));
        return store;
    }

    private static async Task WriteAsync(SqliteStoreServices store, string sql)
    {
        await using var scope = store.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<GuichetDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    private static async Task<List<int>> ReadAsync(SqliteStoreServices store)
    {
        await using var scope = store.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDbContext>();
        return await db.Database.SqlQueryRaw<int>(ReadAll).OrderBy(x => x).ToListAsync();
    }
}
