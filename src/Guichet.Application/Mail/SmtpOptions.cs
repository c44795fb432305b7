namespace Guichet.Application.Mail;

/// <summary>Section <c>Mail:Smtp</c>, read when <see cref="MailOptions.Mode"/> is <see cref="MailMode.Smtp"/>.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "";

    public int Port { get; set; } = 25;

    public SmtpTls UseTls { get; set; } = SmtpTls.StartTlsWhenAvailable;

    /// <summary>Authenticate only when given.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Per network operation; a mail server that hangs must not hold a request for MailKit's 2 minutes.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
