namespace Guichet.Application.Mail;

/// <summary>
/// A message could not be handed to the mail server. The one type callers catch; the transport's own exception, with
/// the server's details, stays in <see cref="Exception.InnerException"/> for the log and never reaches a client.
/// </summary>
public sealed class MailDeliveryException : Exception
{
    public MailDeliveryException()
    {
    }

    public MailDeliveryException(string message)
        : base(message)
    {
    }

    public MailDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
