using Guichet.Application.Mail;
using Guichet.Data;
using Guichet.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Guichet.Application.People;

/// <summary>
/// "Mot de passe oublié": always the same answer, in the same time; a link by email when the address is known (through
/// the outbox, never through SMTP during the request).
/// </summary>
public sealed class RequestPasswordReset(GuichetDbContext db, PersonTokens tokens, MailOutbox outbox, IOptions<PortalOptions> options)
{
    public async Task HandleAsync(string? email, PortalLinks links, CancellationToken cancellationToken)
    {
        var key = PersonFields.Normalize(email);
        var person = await db.People.SingleOrDefaultAsync(p => p.Email == key, cancellationToken);
        if (person is null)
        {
            return;
        }

        var token = await tokens.IssueAsync(person, TokenPurpose.PasswordReset, options.Value.PasswordResetLifetime, cancellationToken);
        if (token is null)
        {
            return;
        }

        outbox.Add(PortalEmails.ResetPassword(person.Email, links.ResetPassword(token), options.Value.PasswordResetLifetime));
        // A concurrent request for the same person saved first: its email is the one sent, and the answer is the same.
        await db.TrySaveChangesAsync(cancellationToken);
    }
}
