using Guichet.Application.Workers;

namespace Guichet.Application.Mail;

/// <summary>Lets <see cref="MailOutbox"/> wake the mail worker of this instance as soon as a mail is saved.</summary>
public sealed class MailSignal : WakeSignal;
