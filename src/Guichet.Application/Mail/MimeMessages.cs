using MimeKit;
using MimeKit.Utils;

namespace Guichet.Application.Mail;

/// <summary>The MIME form shared by both senders, so a pickup file is exactly what SMTP would have sent.</summary>
internal static class MimeMessages
{
    public static MimeMessage Create(MailMessage message, string from, DateTimeOffset now)
    {
        if (!MailboxAddress.TryParse(message.To, out var to))
        {
            throw new ArgumentException($"'{message.To}' is not a mail address.", nameof(message));
        }

        var sender = MailboxAddress.Parse(from);
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        // MimeKit writes non-ASCII headers as RFC 2047 UTF-8 and text parts in UTF-8, so accents survive any relay.
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = now,
            MessageId = MimeUtils.GenerateMessageId(sender.Domain),
            Body = body.ToMessageBody(),
        };
        mime.From.Add(sender);
        mime.To.Add(to);
        return mime;
    }
}
