using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Guichet.Application.Enrolment;

/// <summary>Runs <see cref="EnrolAccounts"/> in the background, woken by <see cref="EnrolmentSignal"/> or by its poll interval.</summary>
public sealed class EnrolmentWorker(
    IServiceScopeFactory scopes,
    EnrolmentSignal signal,
    IOptions<EnrolmentOptions> options,
    ILogger<EnrolmentWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var enrolled = await scope.ServiceProvider.GetRequiredService<EnrolAccounts>().HandleAsync(stoppingToken);
                if (enrolled > 0)
                {
                    logger.LogInformation("Enrolled {Count} account(s).", enrolled);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A failing job stays in the queue (its lease expires) and is tried again; the worker keeps running.
                logger.LogError(exception, "Enrolment run failed.");
            }

            await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
    }
}

/// <summary>Lets a use case that queued a job wake the worker of this instance at once.</summary>
public sealed class EnrolmentSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public void Dispose() => _semaphore.Dispose();

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await _semaphore.WaitAsync(timeout, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
