using System.Diagnostics.Metrics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using Guichet.Data;
using Guichet.Domain.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Guichet.Application.Security;

/// <summary>
/// The used WS-Security nonces (<c>used_nonces</c> in the <see cref="INonceStore"/>), written by group commit. A request
/// hands its nonce over and awaits the verdict; one writer per process takes everything queued (up to
/// <see cref="MaxBatch"/>), inserts it with ONE
/// statement (one transaction, one commit) that returns the rows that are new, then answers each request.
/// While a commit runs, the next batch fills: that is the grouping, with no timer. A request is answered only once its
/// nonce is committed, so an accepted nonce survives a crash; the unique index keeps refusing it on every instance.
/// </summary>
public sealed class NonceLedger : IHostedService, IDisposable
{
    /// <summary>Nonces written by one transaction at most.</summary>
    public const int MaxBatch = 256;

    /// <summary>Nonces waiting at most; past it a request waits for room (back-pressure).</summary>
    public const int Capacity = 4096;

    /// <summary>The meter of the ledger's instruments (<c>dotnet-counters monitor --counters Guichet.NonceLedger</c>).</summary>
    public const string MeterName = "Guichet.NonceLedger";

    private readonly Channel<Entry> _queue = Channel.CreateBounded<Entry>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<NonceLedger> _logger;
    private readonly Counter<long> _commitCounter;
    private readonly Histogram<int> _batchSizes;
    private Task _writer = Task.CompletedTask;
    private long _commits;

    public NonceLedger(IServiceScopeFactory scopes, ILogger<NonceLedger> logger, IMeterFactory meters)
    {
        _scopes = scopes;
        _logger = logger;
        var meter = meters.Create(MeterName);
        _commitCounter = meter.CreateCounter<long>("guichet.nonce_ledger.commits", description: "Transactions that stored nonces.");
        _batchSizes = meter.CreateHistogram<int>("guichet.nonce_ledger.batch_size", description: "Nonces written by one transaction.");
    }

    /// <summary>Batches committed since the start (one transaction each): fewer than the nonces when requests overlap.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>
    /// Stores the nonce of an authenticated token; true when it was new, false when it was used already (in the store,
    /// or earlier in the same batch). Throws <see cref="NonceLedgerException"/> when the store could not be written:
    /// nothing of the batch was stored. A cancelled caller stops waiting; its nonce is still written with its batch.
    /// </summary>
    public async Task<bool> TryRecordAsync(Guid whiteLabelId, string nonce, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var entry = new Entry(whiteLabelId, nonce, expiresAt.ToUniversalTime());
        await _queue.Writer.WriteAsync(entry, cancellationToken);
        return await entry.Verdict.Task.WaitAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _writer = Task.Run(WriteAllAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Takes no more nonces, and writes those already queued (the server has stopped taking requests).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await _writer.WaitAsync(cancellationToken);
    }

    public void Dispose() => _queue.Writer.TryComplete();

    private async Task WriteAllAsync()
    {
        var batch = new List<Entry>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            await WriteBatchAsync(batch);
            batch.Clear();
        }
    }

    private async Task WriteBatchAsync(List<Entry> batch)
    {
        // The same nonce twice in one batch: the first is written, the others are replays that need no row.
        var seen = new HashSet<(Guid, string)>();
        var distinct = new List<Entry>(batch.Count);
        foreach (var entry in batch)
        {
            if (seen.Add((entry.WhiteLabelId, entry.Nonce)))
            {
                distinct.Add(entry);
            }
            else
            {
                entry.Verdict.TrySetResult(false);
            }
        }

        // One order on every instance: two PostgreSQL statements inserting the same nonces wait for each other in turn
        // instead of deadlocking.
        distinct.Sort(static (a, b) => a.WhiteLabelId != b.WhiteLabelId
            ? a.WhiteLabelId.CompareTo(b.WhiteLabelId)
            : string.CompareOrdinal(a.Nonce, b.Nonce));
        HashSet<(Guid, string)> fresh;
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<INonceStore>();
            fresh = await InsertAsync(db, distinct);
        }
        catch (Exception exception)
        {
            _logger.LogError(exception, "Storing {Count} WS-Security nonce(s) failed: their requests are refused.", distinct.Count);
            foreach (var entry in distinct)
            {
                entry.Verdict.TrySetException(new NonceLedgerException(exception));
            }

            return;
        }

        Interlocked.Increment(ref _commits);
        _commitCounter.Add(1);
        _batchSizes.Record(distinct.Count);
        foreach (var entry in distinct)
        {
            entry.Verdict.TrySetResult(fresh.Contains((entry.WhiteLabelId, entry.Nonce)));
        }
    }

    /// <summary>
    /// One statement, the same on SQLite (3.35+) and PostgreSQL, committed on its own (one fsync, one round trip): the rows
    /// it returns are the new nonces; the others were used already.
    /// </summary>
    private static async Task<HashSet<(Guid, string)>> InsertAsync(INonceStore db, List<Entry> entries)
    {
        // The column's own conversion (UTC ticks on SQLite), which raw SQL does not apply by itself.
        var expiresAt = db.Model.FindEntityType(typeof(UsedNonce))!.FindProperty(nameof(UsedNonce.ExpiresAt))!.GetTypeMapping().Converter;
        var sql = new StringBuilder("""INSERT INTO used_nonces ("WhiteLabelId", "Nonce", "ExpiresAt") VALUES """);
        var values = new object[entries.Count * 3];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}({{{3 * i}}}, {{{(3 * i) + 1}}}, {{{(3 * i) + 2}}})");
            values[3 * i] = entry.WhiteLabelId;
            values[(3 * i) + 1] = entry.Nonce;
            values[(3 * i) + 2] = expiresAt?.ConvertToProvider(entry.ExpiresAt) ?? entry.ExpiresAt;
        }

        sql.Append(""" ON CONFLICT ("WhiteLabelId", "Nonce") DO NOTHING RETURNING "WhiteLabelId", "Nonce" """);
        var inserted = await db.Database.SqlQuery<StoredNonce>(FormattableStringFactory.Create(sql.ToString(), values)).ToListAsync();
        return [.. inserted.Select(n => (n.WhiteLabelId, n.Nonce))];
    }

    private sealed record StoredNonce(Guid WhiteLabelId, string Nonce);

    private sealed record Entry(Guid WhiteLabelId, string Nonce, DateTimeOffset ExpiresAt)
    {
        // Answered requests go on on their own threads, not on the writer's.
        public TaskCompletionSource<bool> Verdict { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>The nonce store could not be written (the database is down, or refused the batch); nothing of it was stored.</summary>
public sealed class NonceLedgerException(Exception inner)
    : Exception("The WS-Security nonce store could not be written.", inner);
