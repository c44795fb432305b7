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
            services.ConfigureDbContext<NonceFileDbContext>(options => options.AddInterceptors(Probe));
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
/// Watches the ledger's statement (<c>INSERT INTO used_nonces</c>): can hold the next one until released, and can make
/// every one fail, as a database that went away would.
/// </summary>
public sealed class NonceStoreProbe : IDbCommandInterceptor
{
    private TaskCompletionSource? _held;
    private TaskCompletionSource? _release;

    /// <summary>While true, every nonce insert fails.</summary>
    public bool FailInserts { get; set; }

    /// <summary>Holds the next nonce insert; the task completes once it is held, until <see cref="Release"/>.</summary>
    public Task HoldNextInsert()
    {
        _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        return _held.Task;
    }

    public void Release() => _release?.TrySetResult();

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (command.CommandText.StartsWith("INSERT INTO used_nonces", StringComparison.Ordinal))
        {
            if (Interlocked.Exchange(ref _held, null) is { } held)
            {
                held.TrySetResult();
                await _release!.Task;
            }

            if (FailInserts)
            {
                throw new InvalidOperationException("probe: the nonce store is unavailable");
            }
        }

        return result;
    }
}
