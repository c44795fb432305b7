using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Guichet.Application.Mail;

/// <summary>
/// Encrypts what an outbox row says (subject, bodies) with Data Protection: the bodies carry live links, and the key ring
/// lives outside the database, so a dump of the table reveals none.
/// </summary>
public sealed class MailContent(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Guichet.MailOutbox.v1");

    public string ProtectSubject(string subject) => _protector.Protect(subject);

    public string ProtectBody(MailMessage message) =>
        _protector.Protect(JsonSerializer.Serialize(new Body(message.TextBody, message.HtmlBody)));

    /// <summary>The message back; <see cref="System.Security.Cryptography.CryptographicException"/> when the key is gone.</summary>
    public MailMessage Unprotect(string to, string protectedSubject, string protectedBody)
    {
        var body = JsonSerializer.Deserialize<Body>(_protector.Unprotect(protectedBody))
            ?? throw new FormatException("An outbox body is empty.");
        return new MailMessage(to, _protector.Unprotect(protectedSubject), body.Text, body.Html);
    }

    private sealed record Body(string Text, string? Html);
}
