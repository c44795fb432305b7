namespace Guichet.Application.Mail;

public interface IMailSender
{
    /// <summary>
    /// Sends or throws <see cref="MailDeliveryException"/>; nothing is queued or retried. A <c>To</c> that is not a mail
    /// address is the caller's bug (<see cref="ArgumentException"/>): addresses are validated where they are taken.
    /// </summary>
    Task SendAsync(MailMessage message, CancellationToken ct);
}
