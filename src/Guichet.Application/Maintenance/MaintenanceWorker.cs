using Guichet.Application.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Guichet.Application.Maintenance;

/// <summary>Runs <see cref="PurgeExpiredSecurityRecords"/> and <see cref="PurgeFinishedMail"/> every ten minutes.</summary>
public sealed class MaintenanceWorker(IServiceScopeFactory scopes, ILogger<MaintenanceWorker> logger) : BackgroundService
{
    private static readonly TimeSpan s_interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(s_interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var purged = await scope.ServiceProvider.GetRequiredService<PurgeExpiredSecurityRecords>().HandleAsync(stoppingToken);
                logger.LogDebug("Purged {Count} expired security record(s).", purged);
                var mail = await scope.ServiceProvider.GetRequiredService<PurgeFinishedMail>().HandleAsync(stoppingToken);
                logger.LogDebug("Purged {Count} finished mail(s) past their retention.", mail);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Maintenance run failed.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
