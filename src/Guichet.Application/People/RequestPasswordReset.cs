using Guichet.Data;
using Guichet.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Guichet.Application.People;

/// <summary>"Récupérer mon mot de passe" ("Mot de passe perdu ?" on the sign-in page): always the same answer; a link by email when the address is known.</summary>
public sealed class RequestPasswordReset(GuichetDbContext db, PersonTokens tokens, PortalMailer mailer, IOptions<PortalOptions> options)
{
    public async Task HandleAsync(string? email, PortalLinks links, CancellationToken cancellationToken)
    {
        var key = PersonFields.Normalize(email);
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Email == key, cancellationToken);
        if (person is null)
        {
            return;
        }

        var token = await tokens.IssueAsync(person.Id, TokenPurpose.PasswordReset, options.Value.PasswordResetLifetime, cancellationToken);
        if (token is null)
        {
            return;
        }

        await db.SaveChangesAsync(cancellationToken);
        await mailer.TrySendAsync(PortalEmails.ResetPassword(person.Email, links.ResetPassword(token), options.Value.PasswordResetLifetime), cancellationToken);
    }
}
