using System.Collections.Concurrent;
using Guichet.Application.Security;

namespace Guichet.Server.Tests.Operations;

/// <summary>
/// At most one password hash per core runs at a time, however many callers ask at once: the others wait their turn
/// and all are served. Hashes run on threads of their own, never on the pool's. The callers of the first test are
/// threads of their own, so that without the gate they would all hash together.
/// </summary>
public sealed class PasswordHashingGateTests
{
    [Fact]
    public void ManyCallersAtOnce_HashOnePerCoreAtATime_AndAllGetTheirHash()
    {
        using var hashing = new ConcurrencyRecordingHashing();
        var callers = 4 * Environment.ProcessorCount;
        var hashes = new string[callers];
        using var start = new Barrier(callers);

        var threads = Enumerable.Range(0, callers).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            hashes[i] = hashing.HashAsync("Mot-de-passe-" + i, CancellationToken.None).GetAwaiter().GetResult();
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());

        Assert.InRange(hashing.MostAtOnce, 1, Environment.ProcessorCount);
        Assert.All(hashes, hash => Assert.Equal("haché", hash));
    }

    [Fact]
    public async Task ACallerThatGivesUpWhileWaiting_IsCancelled_AndFreesNoCoreItDidNotTake()
    {
        using var hashing = new ConcurrencyRecordingHashing();
        using var cancelled = new CancellationTokenSource();
        // Every core busy: the next caller waits.
        var busy = Enumerable.Range(0, Environment.ProcessorCount)
            .Select(i => Task.Run(() => hashing.HashAsync("occupé-" + i, CancellationToken.None))).ToList();
        await hashing.AllCoresBusy.WaitAsync(TimeSpan.FromSeconds(30));

        var waiting = hashing.HashAsync("en-attente", cancelled.Token);
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        hashing.Release.Set();
        await Task.WhenAll(busy);

        Assert.Equal(Environment.ProcessorCount, hashing.Started);
        Assert.Equal("haché", await hashing.HashAsync("après", CancellationToken.None));
    }

    [Fact]
    public async Task AHash_RunsOffTheThreadPool_AndItsCallerGoesOnOnThePool()
    {
        using var hashing = new ConcurrencyRecordingHashing();

        var (hash, callerOnPool, callerThread) = await Task.Run(async () =>
        {
            var hash = await hashing.HashAsync("mot-de-passe", CancellationToken.None);
            return (hash, Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.Name);
        });

        Assert.Equal("haché", hash);
        // The pool's threads serve the calls that need no hash while hashes run.
        Assert.False(Assert.Single(hashing.HashedOnPoolThread));
        Assert.True(callerOnPool);
        Assert.NotEqual("Password hashing", callerThread);
    }

    /// <summary>A hash that takes its time and counts how many run together; the first <c>cores</c> hold until released.</summary>
    private sealed class ConcurrencyRecordingHashing : PasswordHashing
    {
        private int _running;
        private int _mostAtOnce;
        private int _started;

        public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

        public int Started => Volatile.Read(ref _started);

        public SemaphoreSlim AllCoresBusy { get; } = new(0);

        public ManualResetEventSlim Release { get; } = new(initialState: false);

        public ConcurrentQueue<bool> HashedOnPoolThread { get; } = new();

        protected override string Hash(string password)
        {
            HashedOnPoolThread.Enqueue(Thread.CurrentThread.IsThreadPoolThread);
            var running = Interlocked.Increment(ref _running);
            InterlockedMax(ref _mostAtOnce, running);
            if (password.StartsWith("occupé-", StringComparison.Ordinal))
            {
                if (Interlocked.Increment(ref _started) == Environment.ProcessorCount)
                {
                    AllCoresBusy.Release();
                }

                Release.Wait(TimeSpan.FromSeconds(30));
            }
            else
            {
                Thread.Sleep(20);
            }

            Interlocked.Decrement(ref _running);
            return "haché";
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                AllCoresBusy.Dispose();
                Release.Dispose();
            }

            base.Dispose(disposing);
        }

        private static void InterlockedMax(ref int target, int value)
        {
            var current = Volatile.Read(ref target);
            while (value > current && Interlocked.CompareExchange(ref target, value, current) is var seen && seen != current)
            {
                current = seen;
            }
        }
    }
}
