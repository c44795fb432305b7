namespace Guichet.Application.Mail;

/// <summary>How the SMTP connection is protected; mirrors MailKit's <c>SecureSocketOptions</c>.</summary>
public enum SmtpTls
{
    /// <summary>Plain text, never upgraded.</summary>
    None,

    /// <summary>STARTTLS when the server offers it, plain text otherwise.</summary>
    StartTlsWhenAvailable,

    /// <summary>STARTTLS required: a server without it is a delivery failure.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,
}
