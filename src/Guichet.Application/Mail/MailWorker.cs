using Guichet.Application.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Guichet.Application.Mail;

/// <summary>
/// Runs <see cref="SendOutgoingMail"/> in the background, woken by <see cref="MailSignal"/> when this instance saved a
/// mail, and every <see cref="MailOutboxOptions.PollInterval"/> otherwise (other instances' mail, retries due). A failed
/// run (the database away, say) leaves the mail in the table for the next one.
/// </summary>
public sealed class MailWorker(IServiceScopeFactory scopes, MailSignal signal, IOptions<MailOptions> options, ILogger<MailWorker> logger)
    : QueueWorker(scopes, signal, logger)
{
    protected override TimeSpan PollInterval => options.Value.Outbox.PollInterval;

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<SendOutgoingMail>().HandleAsync(cancellationToken);
}
