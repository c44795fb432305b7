using Guichet.Application.Auditing;
using Guichet.Application.Mail;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Guichet.Application.People;

/// <summary>
/// "Renvoyer à nouveau l'email": a new link that replaces the earlier ones, when the address waits for validation.
/// Always the same answer; every path records the request and commits once (as <see cref="RequestPasswordReset"/>),
/// and the email goes through the outbox, never through SMTP during the request.
/// </summary>
public sealed class ResendValidationEmail(
    GuichetDbContext db,
    PersonTokens tokens,
    MailOutbox outbox,
    AuditTrail audit,
    IOptions<PortalOptions> options)
{
    public async Task HandleAsync(string? email, PortalLinks links, string? remoteAddress, CancellationToken cancellationToken)
    {
        var key = PersonFields.Normalize(email);
        var person = key.Length is > 0 and <= 250 ? await db.People.SingleOrDefaultAsync(p => p.Email == key, cancellationToken) : null;
        var outcome = person is null ? "unknown address" : "already validated";
        if (person is { EmailConfirmedAt: null })
        {
            var lifetime = options.Value.EmailValidationLifetime;
            var token = await tokens.IssueAsync(person, TokenPurpose.EmailValidation, lifetime, cancellationToken);
            outcome = token is null ? "hourly cap reached" : "link sent";
            if (token is not null)
            {
                outbox.Add(PortalEmails.ValidateAccount(person.Email, links.ValidateEmail(token), lifetime));
            }
        }

        var typed = TypedLogin.ForAudit(key);
        audit.Record(typed, AuditEvents.PersonValidationEmailRequested, null, typed, remoteAddress: remoteAddress, detail: outcome);
        // A concurrent request for the same person saved first: its email is the one sent, and the answer is the same.
        await db.TrySaveChangesAsync(cancellationToken);
    }
}
