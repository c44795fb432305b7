using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Guichet.Application.Mail;

/// <summary>Hands each message to the configured SMTP server, one connection per message.</summary>
public sealed class SmtpMailSender(IOptions<MailOptions> options, TimeProvider clock, ILogger<SmtpMailSender> logger) : IMailSender
{
    private readonly MailOptions _options = options.Value;

    public async Task SendAsync(MailMessage message, CancellationToken ct)
    {
        var mime = MimeMessages.Create(message, _options.From, clock.GetUtcNow());
        var smtp = _options.Smtp;
        // MailKit's timeout bounds each step; the whole exchange ends well inside the outbox's lease, so that no other
        // instance takes the mail again while this one may still be sending it.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(_options.Outbox.Lease / 2);
        // A client per message: SmtpClient is not thread-safe and our volume does not call for a pool.
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, ToSecureSocketOptions(smtp.UseTls), deadline.Token);
            if (!string.IsNullOrEmpty(smtp.Username))
            {
                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", deadline.Token);
            }

            await client.SendAsync(mime, deadline.Token);
        }
        catch (Exception e) when (IsDeliveryFailure(e, ct))
        {
            throw new MailDeliveryException($"Mail could not be delivered through the SMTP server ({e.GetType().Name}).", e);
        }

        // The server accepted the message: it is sent, whatever happens to the goodbye (a retry would send it twice).
        // MailKit already ignores a lost answer to QUIT; this also covers the deadline or a shutdown cutting it.
        try
        {
            await client.DisconnectAsync(quit: true, deadline.Token);
        }
        catch (Exception e) when (IsDeliveryFailure(e, ct))
        {
            logger.LogInformation("Mail to {To} accepted by the SMTP server; closing the connection failed ({Error}).", message.To, e.GetType().Name);
        }
    }

    /// <summary>What the network or the server can do to us; a cancellation by the caller and our own bugs pass through.</summary>
    private static bool IsDeliveryFailure(Exception e, CancellationToken ct) => e switch
    {
        OperationCanceledException => !ct.IsCancellationRequested,
        SocketException or IOException or TimeoutException => true,
        // Refused command or recipient, broken protocol, TLS or authentication failure (all MailKit's).
        CommandException or ProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException => true,
        AuthenticationException or SslHandshakeException => true,
        // MailKit's answer when the server lacks what the options require (STARTTLS, AUTH).
        NotSupportedException => true,
        _ => false,
    };

    private static SecureSocketOptions ToSecureSocketOptions(SmtpTls tls) => tls switch
    {
        SmtpTls.None => SecureSocketOptions.None,
        SmtpTls.StartTls => SecureSocketOptions.StartTls,
        SmtpTls.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };
}
