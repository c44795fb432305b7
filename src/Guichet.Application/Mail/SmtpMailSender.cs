using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Guichet.Application.Mail;

/// <summary>Hands each message to the configured SMTP server, one connection per message.</summary>
public sealed class SmtpMailSender(IOptions<MailOptions> options, TimeProvider clock) : IMailSender
{
    private readonly MailOptions _options = options.Value;

    public async Task SendAsync(MailMessage message, CancellationToken ct)
    {
        var mime = MimeMessages.Create(message, _options.From, clock.GetUtcNow());
        var smtp = _options.Smtp;
        // A client per message: SmtpClient is not thread-safe and our volume does not call for a pool.
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, ToSecureSocketOptions(smtp.UseTls), ct);
            if (!string.IsNullOrEmpty(smtp.Username))
            {
                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", ct);
            }

            await client.SendAsync(mime, ct);
            await client.DisconnectAsync(quit: true, ct);
        }
        catch (Exception e) when (IsDeliveryFailure(e, ct))
        {
            throw new MailDeliveryException($"Mail could not be delivered through the SMTP server ({e.GetType().Name}).", e);
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
