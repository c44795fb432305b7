using Guichet.Application.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Guichet.Server.Tests.Operations;

/// <summary>
/// A queue worker woken often runs at most once per spacing, so that what comes meanwhile is done together; woken after
/// its spacing, it runs at once.
/// </summary>
public sealed class QueueWorkerSpacingTests
{
    private static readonly TimeSpan s_spacing = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task WokenOftenSoonAfterARun_RunsOnceAtTheEndOfItsSpacing()
    {
        await using var worker = await CountingWorker.StartAsync();
        await worker.WaitForRunsAsync(1);

        for (var i = 0; i < 10; i++)
        {
            worker.Signal.Notify();
            await Task.Delay(20);
        }

        await Task.Delay(500);
        Assert.Equal(1, worker.Runs);
        await worker.WaitForRunsAsync(2);
        await Task.Delay(500);
        Assert.Equal(2, worker.Runs);
    }

    [Fact]
    public async Task WokenAfterItsSpacing_RunsAtOnce()
    {
        await using var worker = await CountingWorker.StartAsync();
        await worker.WaitForRunsAsync(1);
        await Task.Delay(s_spacing + TimeSpan.FromMilliseconds(500));

        var woken = DateTime.UtcNow;
        worker.Signal.Notify();
        await worker.WaitForRunsAsync(2);

        Assert.InRange(DateTime.UtcNow - woken, TimeSpan.Zero, s_spacing / 2);
    }

    private sealed class Signal : WakeSignal;

    private sealed class CountingWorker(ServiceProvider rootServices, Signal signal)
        : QueueWorker(rootServices.GetRequiredService<IServiceScopeFactory>(), signal, NullLogger.Instance), IAsyncDisposable
    {
        private int _runs;

        public Signal Signal => signal;

        public int Runs => Volatile.Read(ref _runs);

        protected override TimeSpan PollInterval => TimeSpan.FromHours(1);

        protected override TimeSpan RunSpacing => s_spacing;

        public static async Task<CountingWorker> StartAsync()
        {
            var worker = new CountingWorker(new ServiceCollection().BuildServiceProvider(), new Signal());
            await worker.StartAsync(CancellationToken.None);
            return worker;
        }

        public async Task WaitForRunsAsync(int runs)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (Runs < runs)
            {
                Assert.True(DateTime.UtcNow < deadline, $"The worker ran {Runs} time(s), not {runs}.");
                await Task.Delay(10);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync(CancellationToken.None);
            Dispose();
            signal.Dispose();
            await rootServices.DisposeAsync();
        }

        protected override Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs);
            return Task.CompletedTask;
        }
    }
}
