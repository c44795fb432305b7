using Guichet.Application.Mail;
using Microsoft.Extensions.Logging;

namespace Guichet.Application.People;

/// <summary>
/// Sends portal emails without letting a mail outage undo what the person did: the failure is logged, the change
/// stays saved, and every email can be asked for again (resend, lost password, remind).
/// </summary>
public sealed class PortalMailer(IMailSender sender, ILogger<PortalMailer> logger)
{
    public async Task<bool> TrySendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await sender.SendAsync(message, cancellationToken);
            return true;
        }
        catch (MailDeliveryException exception)
        {
            logger.LogError(exception, "Could not send \"{Subject}\".", message.Subject);
            return false;
        }
    }
}
