using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Guichet.Application.Mail;

/// <summary>
/// Runs <see cref="SendOutgoingMail"/> in the background, woken by <see cref="MailSignal"/> when this instance saved a
/// mail, and every <see cref="MailOutboxOptions.PollInterval"/> otherwise (other instances' mail, retries due).
/// </summary>
public sealed class MailWorker(
    IServiceScopeFactory scopes,
    MailSignal signal,
    IOptions<MailOptions> options,
    ILogger<MailWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SendOutgoingMail>().HandleAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database is away, for instance: the mail stays in the table and the next run tries again.
                logger.LogError(exception, "Mail run failed.");
            }

            await signal.WaitAsync(options.Value.Outbox.PollInterval, stoppingToken);
        }
    }
}
