namespace Guichet.Application.Mail;

/// <summary>Where outgoing mail goes.</summary>
public enum MailMode
{
    /// <summary>Embedded default: <c>.eml</c> files in a folder and the text in the log, no mail server needed.</summary>
    Pickup,

    /// <summary>A real SMTP server.</summary>
    Smtp,
}
