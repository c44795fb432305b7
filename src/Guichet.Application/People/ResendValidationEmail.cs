using Guichet.Application.Mail;
using Guichet.Data;
using Guichet.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Guichet.Application.People;

/// <summary>
/// "Renvoyer à nouveau l'email": a new link that replaces the earlier ones. Always answers the same, in the same time:
/// the email goes through the outbox, never through SMTP during the request.
/// </summary>
public sealed class ResendValidationEmail(GuichetDbContext db, PersonTokens tokens, MailOutbox outbox, IOptions<PortalOptions> options)
{
    public async Task HandleAsync(string? email, PortalLinks links, CancellationToken cancellationToken)
    {
        var key = PersonFields.Normalize(email);
        var person = await db.People.SingleOrDefaultAsync(p => p.Email == key, cancellationToken);
        if (person is null || person.EmailConfirmedAt is not null)
        {
            return;
        }

        var token = await tokens.IssueAsync(person, TokenPurpose.EmailValidation, options.Value.EmailValidationLifetime, cancellationToken);
        if (token is null)
        {
            return;
        }

        outbox.Add(PortalEmails.ValidateAccount(person.Email, links.ValidateEmail(token), options.Value.EmailValidationLifetime));
        // A concurrent request for the same person saved first: its email is the one sent, and the answer is the same.
        await db.TrySaveChangesAsync(cancellationToken);
    }
}
