using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Guichet.Application.Workers;

/// <summary>
/// A background worker over a queue kept in the database: one run in its own scope, then a wait until its
/// <see cref="WakeSignal"/> or its poll interval (other instances' work, retries due). A failing run is logged and the
/// worker keeps going: what it did not finish stays in the queue for the next run.
/// </summary>
public abstract class QueueWorker(IServiceScopeFactory scopes, WakeSignal signal, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan PollInterval { get; }

    /// <summary>The least time from the start of one run to the start of the next, however often the worker is woken.</summary>
    protected virtual TimeSpan RunSpacing => TimeSpan.Zero;

    protected abstract Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RunOnceAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "{Worker} run failed.", GetType().Name);
            }

            await signal.WaitAsync(PollInterval, stoppingToken);
            if (RunSpacing - Stopwatch.GetElapsedTime(started) is var rest && rest > TimeSpan.Zero)
            {
                // Woken again soon after a run: what comes meanwhile is done in the next run, with this.
                await Task.Delay(rest, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
