using Guichet.Application.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Guichet.Application.Enrolment;

/// <summary>
/// Runs <see cref="EnrolAccounts"/> in the background, woken by <see cref="EnrolmentSignal"/> or by its poll interval. A
/// failing job stays in the queue (its lease expires) and is tried again.
/// </summary>
public sealed class EnrolmentWorker(
    IServiceScopeFactory scopes,
    EnrolmentSignal signal,
    IOptions<EnrolmentOptions> options,
    ILogger<EnrolmentWorker> logger) : QueueWorker(scopes, signal, logger)
{
    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override TimeSpan RunSpacing => options.Value.RunSpacing;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var enrolled = await services.GetRequiredService<EnrolAccounts>().HandleAsync(cancellationToken);
        if (enrolled > 0)
        {
            logger.LogInformation("Enrolled {Count} account(s).", enrolled);
        }
    }
}

/// <summary>Lets a use case that queued a job wake the worker of this instance at once.</summary>
public sealed class EnrolmentSignal : WakeSignal;
