using System.Threading.Channels;
using Guichet.Application.Maintenance;
using Microsoft.Extensions.Time.Testing;

namespace Guichet.Server.Tests.Operations;

/// <summary>
/// The purge's pacing on a fake clock: a batch "takes" the time the test advances the clock by inside it, and a rest is
/// the timer the purge sets on that clock. The rests are then asserted exactly, with no real time waited.
/// </summary>
public sealed class PurgeBatchesTests
{
    /// <summary>How long a test waits for what the clock released: a rest too many fails the test, not hangs it.</summary>
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task UntilDone_RunsBatchesUntilOneTouchesFewerThanItsSize_AndCountsEveryRow()
    {
        var batches = new PurgeBatches(TimeProvider.System) { Size = 3, RestingWindow = TimeSpan.Zero };
        var touched = new Queue<int>([3, 3, 2, 3]); // 2: one short of a full batch is the end
        var sizes = new List<int>();

        var total = await batches.UntilDoneAsync(size =>
        {
            sizes.Add(size);
            return Task.FromResult(touched.Dequeue());
        }, CancellationToken.None);

        Assert.Equal(8, total);
        Assert.Equal([3, 3, 3], sizes);
    }

    [Fact]
    public async Task ASizeOfZero_IsRefused_RatherThanLoopingForever()
    {
        var batches = new PurgeBatches(TimeProvider.System) { Size = 0 };

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => batches.UntilDoneAsync(_ => Task.FromResult(0), CancellationToken.None));
    }

    [Fact]
    public async Task BetweenTwoBatches_RestsNineTimesAsLongAsTheBatchTook()
    {
        var clock = new RestRecordingClock();
        var batches = new PurgeBatches(clock) { Size = 10 };
        var purge = new TimedBatches(clock, [(30, 10), (50, 10), (20, 2)]);

        var run = batches.UntilDoneAsync(purge.RunAsync, CancellationToken.None);

        Assert.Equal(TimeSpan.FromMilliseconds(270), await clock.NextRestAsync());
        clock.Advance(TimeSpan.FromMilliseconds(269));
        Assert.Equal(1, purge.Started); // the second batch waits for the whole rest
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(TimeSpan.FromMilliseconds(450), await clock.NextRestAsync());
        clock.Advance(TimeSpan.FromMilliseconds(450));
        Assert.Equal(22, await run.WaitAsync(s_patience));
        Assert.Equal(3, purge.Started);
        Assert.Equal(2, clock.Rests); // none after the last batch, which touched fewer than its size
    }

    [Fact]
    public async Task PastItsRestingWindow_WorksThroughWithoutResting()
    {
        var clock = new RestRecordingClock();
        var batches = new PurgeBatches(clock) { Size = 10, RestingWindow = TimeSpan.FromMilliseconds(100) };
        var purge = new TimedBatches(clock, [(30, 10), (30, 10), (30, 10), (30, 2)]);

        var run = batches.UntilDoneAsync(purge.RunAsync, CancellationToken.None);

        // 30 ms in, within the window: a rest. The window counts from the purge's creation, so it has passed at the
        // second batch's end (330 ms), and the rest of the run goes through with no timer set.
        Assert.Equal(TimeSpan.FromMilliseconds(270), await clock.NextRestAsync());
        clock.Advance(TimeSpan.FromMilliseconds(270));
        Assert.Equal(32, await run.WaitAsync(s_patience));
        Assert.Equal(4, purge.Started);
        Assert.Equal(1, clock.Rests);
    }

    [Fact]
    public async Task Cancelled_StopsDuringItsRest()
    {
        var clock = new RestRecordingClock();
        var batches = new PurgeBatches(clock) { Size = 10 };
        var purge = new TimedBatches(clock, [(30, 10), (30, 10), (30, 2)]);
        using var stop = new CancellationTokenSource();

        var run = batches.UntilDoneAsync(purge.RunAsync, stop.Token);
        await clock.NextRestAsync();
        await stop.CancelAsync();

        // The clock never reaches the rest's end: a purge that ignored the token would never finish.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run).WaitAsync(s_patience);
        Assert.Equal(1, purge.Started);
    }

    /// <summary>Batches that each take a number of milliseconds of the clock and touch a number of rows.</summary>
    private sealed class TimedBatches(FakeTimeProvider clock, (int Milliseconds, int Touched)[] batches)
    {
        private int _started;

        public int Started => Volatile.Read(ref _started);

        public Task<int> RunAsync(int size)
        {
            var (milliseconds, touched) = batches[Interlocked.Increment(ref _started) - 1];
            clock.Advance(TimeSpan.FromMilliseconds(milliseconds));
            return Task.FromResult(Math.Min(touched, size));
        }
    }

    /// <summary>A fake clock that tells the test each rest the purge sets (a timer, as <c>Task.Delay</c> on it creates).</summary>
    private sealed class RestRecordingClock : FakeTimeProvider
    {
        private readonly Channel<TimeSpan> _rests = Channel.CreateUnbounded<TimeSpan>();
        private int _count;

        public int Rests => Volatile.Read(ref _count);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            Interlocked.Increment(ref _count);
            _rests.Writer.TryWrite(dueTime);
            return timer;
        }

        /// <summary>The next rest's length, once the purge has set it (its batch ended and its timer runs).</summary>
        public async Task<TimeSpan> NextRestAsync() => await _rests.Reader.ReadAsync().AsTask().WaitAsync(s_patience);
    }
}
