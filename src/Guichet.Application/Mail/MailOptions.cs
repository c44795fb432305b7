namespace Guichet.Application.Mail;

/// <summary>Section <c>Mail</c>.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public MailMode Mode { get; set; } = MailMode.Pickup;

    /// <summary>Where <see cref="MailMode.Pickup"/> writes its <c>.eml</c> files; relative to the working directory.</summary>
    public string PickupFolder { get; set; } = "data/mail";

    /// <summary>Sender of every message, with its display name.</summary>
    public string From { get; set; } = "Guichet <no-reply@guichet.local>";

    public SmtpOptions Smtp { get; set; } = new();

    public MailOutboxOptions Outbox { get; set; } = new();
}
