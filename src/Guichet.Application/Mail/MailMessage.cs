namespace Guichet.Application.Mail;

/// <summary>One outgoing message. <paramref name="HtmlBody"/> is an alternative to the text, which is always sent.</summary>
public sealed record MailMessage(string To, string Subject, string TextBody, string? HtmlBody = null);
