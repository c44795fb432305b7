using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Guichet.Application.Maintenance;

/// <summary>
/// Runs <see cref="RunMaintenance"/> at the start and then every <see cref="MaintenanceOptions.Interval"/>, and says in
/// the log what a run purged and how long it took (an operator sizing a store wants to see it).
/// </summary>
public sealed class MaintenanceWorker(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<MaintenanceOptions> options, ILogger<MaintenanceWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                var started = clock.GetTimestamp();
                await using var scope = scopes.CreateAsyncScope();
                var (records, mail) = await scope.ServiceProvider.GetRequiredService<RunMaintenance>().HandleAsync(stoppingToken);
                logger.Log(records + mail > 0 ? LogLevel.Information : LogLevel.Debug,
                    "Maintenance purged {Records} expired security record(s) and {Mail} finished mail(s) in {Seconds:0.0} s.",
                    records, mail, clock.GetElapsedTime(started).TotalSeconds);
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
