using Guichet.Application.Auditing;
using Guichet.Application.Mail;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Guichet.Application.People;

/// <summary>
/// "Récupérer mon mot de passe": always the same answer; a link by email when the address is known (through the outbox,
/// never through SMTP during the request). Every path records the request and commits once, so a known address costs
/// the time of an unknown one but for a few indexed statements: the answer's time does not tell them apart.
/// </summary>
public sealed class RequestPasswordReset(
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
        var outcome = "unknown address";
        if (person is not null)
        {
            var lifetime = options.Value.PasswordResetLifetime;
            var token = await tokens.IssueAsync(person, TokenPurpose.PasswordReset, lifetime, cancellationToken);
            outcome = token is null ? "hourly cap reached" : "link sent";
            if (token is not null)
            {
                outbox.Add(PortalEmails.ResetPassword(person.Email, links.ResetPassword(token), lifetime));
            }
        }

        var typed = TypedLogin.ForAudit(key);
        audit.Record(typed, AuditEvents.PersonPasswordResetRequested, null, typed, remoteAddress: remoteAddress, detail: outcome);
        // A concurrent request for the same person saved first: its email is the one sent, and the answer is the same.
        await db.TrySaveChangesAsync(cancellationToken);
    }
}
