using System.Collections.Concurrent;
using System.Data.Common;
using Guichet.Data;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Server.Tests.Soap;

/// <summary>A server whose nonce store a test can hold up or break (<see cref="NonceStoreProbe"/>); untouched by default.</summary>
public class NonceLedgerServer : GuichetServer
{
    public NonceLedgerServer(DatabaseProvider provider)
        : base(provider)
    {
    }

    public NonceStoreProbe Probe { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        if (Provider == DatabaseProvider.Sqlite)
        {
            services.ConfigureDbContext<SqliteGuichetDbContext>(options => options.AddInterceptors(Probe));
        }
        else
        {
            services.ConfigureDbContext<PostgresGuichetDbContext>(options => options.AddInterceptors(Probe));
        }
    }
}

public sealed class SqliteNonceLedgerServer() : NonceLedgerServer(DatabaseProvider.Sqlite);

public sealed class PostgresNonceLedgerServer() : NonceLedgerServer(DatabaseProvider.PostgreSql);

/// <summary>
/// Watches the nonce inserts (<c>INSERT INTO used_nonces</c>): can hold the next one until released, and can make the
/// commit of every transaction that inserted a nonce fail, as a database that goes away would.
/// </summary>
public sealed class NonceStoreProbe : IDbCommandInterceptor, IDbTransactionInterceptor
{
    private readonly ConcurrentDictionary<DbTransaction, bool> _nonceTransactions = new();
    private TaskCompletionSource? _held;
    private TaskCompletionSource? _release;

    /// <summary>While true, committing a transaction that inserted a nonce throws.</summary>
    public bool FailCommits { get; set; }

    /// <summary>Holds the next nonce insert; the task completes once it is held, until <see cref="Release"/>.</summary>
    public Task HoldNextInsert()
    {
        _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        return _held.Task;
    }

    public void Release() => _release?.TrySetResult();

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (command.CommandText.Contains("INSERT INTO used_nonces", StringComparison.Ordinal))
        {
            if (command.Transaction is { } transaction)
            {
                _nonceTransactions[transaction] = true;
            }

            if (Interlocked.Exchange(ref _held, null) is { } held)
            {
                held.TrySetResult();
                await _release!.Task;
            }
        }

        return result;
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (_nonceTransactions.TryRemove(transaction, out _) && FailCommits)
        {
            throw new InvalidOperationException("probe: the nonce store is unavailable");
        }

        return ValueTask.FromResult(result);
    }

    public Task TransactionRolledBackAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _nonceTransactions.TryRemove(transaction, out _);
        return Task.CompletedTask;
    }
}
