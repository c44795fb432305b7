using System.Diagnostics;
using Guichet.Application.Maintenance;

namespace Guichet.Server.Tests.Operations;

public sealed class PurgeBatchesTests
{
    [Fact]
    public async Task UntilDone_RunsBatchesUntilOneTouchesFewerThanItsSize_AndCountsEveryRow()
    {
        var batches = new PurgeBatches(TimeProvider.System) { Size = 3, RestingWindow = TimeSpan.Zero };
        var touched = new Queue<int>([3, 3, 1, 3]);
        var sizes = new List<int>();

        var total = await batches.UntilDoneAsync(size =>
        {
            sizes.Add(size);
            return Task.FromResult(touched.Dequeue());
        }, CancellationToken.None);

        Assert.Equal(7, total);
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
        var batches = new PurgeBatches(TimeProvider.System) { Size = 10 };
        var runs = await TimeBatchesAsync(batches, TimeSpan.FromMilliseconds(30), [10, 10, 2]);

        for (var i = 1; i < runs.Count; i++)
        {
            var rest = runs[i].Start - runs[i - 1].End;
            var work = runs[i - 1].End - runs[i - 1].Start;
            // The purge times the batch from before it starts to after it ends, so it rests at least nine times this.
            Assert.True(rest >= work * PurgeBatches.RestPerBatchTime * 0.95, $"rested {rest.TotalMilliseconds} ms after {work.TotalMilliseconds} ms");
        }
    }

    [Fact]
    public async Task PastItsRestingWindow_WorksThroughWithoutResting()
    {
        var batches = new PurgeBatches(TimeProvider.System) { Size = 10, RestingWindow = TimeSpan.Zero };
        var runs = await TimeBatchesAsync(batches, TimeSpan.FromMilliseconds(50), [10, 10, 2]);

        for (var i = 1; i < runs.Count; i++)
        {
            var rest = runs[i].Start - runs[i - 1].End;
            Assert.True(rest < TimeSpan.FromMilliseconds(150), $"rested {rest.TotalMilliseconds} ms (nine times the batch would be 450)");
        }
    }

    [Fact]
    public async Task Cancelled_StopsDuringItsRest()
    {
        var batches = new PurgeBatches(TimeProvider.System) { Size = 10 };
        using var stop = new CancellationTokenSource();
        var calls = 0;

        var purge = batches.UntilDoneAsync(async size =>
        {
            calls++;
            await Task.Delay(50);
            await stop.CancelAsync();
            return calls < 3 ? size : 0; // a purge that ignored the token would end after three batches, not hang
        }, stop.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => purge);
        Assert.Equal(1, calls);
    }

    private static async Task<List<(TimeSpan Start, TimeSpan End)>> TimeBatchesAsync(PurgeBatches batches, TimeSpan each, int[] touched)
    {
        var clock = Stopwatch.StartNew();
        var runs = new List<(TimeSpan Start, TimeSpan End)>();
        await batches.UntilDoneAsync(async size =>
        {
            var start = clock.Elapsed;
            await Task.Delay(each);
            runs.Add((start, clock.Elapsed));
            return touched[runs.Count - 1];
        }, CancellationToken.None);
        Assert.Equal(touched.Length, runs.Count);
        return runs;
    }
}
