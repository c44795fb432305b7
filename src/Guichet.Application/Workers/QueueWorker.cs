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

    protected abstract Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
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
        }
    }
}
