using System.Data;
using Guichet.Data;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Server.Tests.Hosting;

/// <summary>
/// SQLite: a SOAP call keeps its connection open across its queries (<see cref="SqliteCallConnection"/>), and gives it
/// back to the pool when it waits for a password hash, unless a transaction needs it. The store as <c>AddPersistence</c>
/// registers it; the hashing is the suite's.
/// </summary>
public sealed class SqliteCallConnectionTests
{
    [Fact]
    public async Task AHashInAKeptCall_GivesTheConnectionBack_AndTheCallsLaterQueriesStillRun()
    {
        await using var store = new SqliteStoreServices("call");
        using var hashing = new QuickPasswordHashing();
        await using var scope = store.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDbContext>();

        await using (await SqliteCallConnection.KeepOpenAsync(db, CancellationToken.None))
        {
            Assert.Equal(ConnectionState.Open, StateOf(db));

            await hashing.HashAsync("mot-de-passe", CancellationToken.None);

            Assert.Equal(ConnectionState.Closed, StateOf(db));
            Assert.Equal(1, await db.Database.ExecuteSqlRawAsync("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)"));
            Assert.Equal(ConnectionState.Closed, StateOf(db));
        }

        Assert.Equal(ConnectionState.Closed, StateOf(db));
    }

    [Fact]
    public async Task AHashInAKeptCallsTransaction_KeepsTheConnection()
    {
        await using var store = new SqliteStoreServices("call");
        using var hashing = new QuickPasswordHashing();
        await using var scope = store.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDbContext>();

        await using (await SqliteCallConnection.KeepOpenAsync(db, CancellationToken.None))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await hashing.HashAsync("mot-de-passe", CancellationToken.None);

            Assert.Equal(ConnectionState.Open, StateOf(db));
            await transaction.CommitAsync();
        }

        Assert.Equal(ConnectionState.Closed, StateOf(db));
    }

    [Fact]
    public async Task AHashOutsideAKeptCall_ClosesNothing()
    {
        await using var store = new SqliteStoreServices("call");
        using var hashing = new QuickPasswordHashing();
        await using var scope = store.Services.CreateAsyncScope();
        var call = scope.ServiceProvider.GetRequiredService<GuichetDbContext>();
        await using (await SqliteCallConnection.KeepOpenAsync(call, CancellationToken.None))
        {
            Assert.Equal(ConnectionState.Open, StateOf(call));
        }

        // The kept call has ended: a connection opened by other code stays open through a hash.
        await using var other = store.Services.CreateAsyncScope();
        var db = other.ServiceProvider.GetRequiredService<GuichetDbContext>();
        await db.Database.OpenConnectionAsync();
        await hashing.HashAsync("mot-de-passe", CancellationToken.None);

        Assert.Equal(ConnectionState.Open, StateOf(db));
        await db.Database.CloseConnectionAsync();
    }

    private static ConnectionState StateOf(DbContext db) => db.Database.GetDbConnection().State;
}
