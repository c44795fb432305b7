using Guichet.Application.Auditing;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.People;

/// <summary>The "Valider la création de mon compte" link.</summary>
public sealed class ValidateEmail(GuichetDbContext db, PersonTokens tokens, AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<Person>> HandleAsync(string? token, CancellationToken cancellationToken)
    {
        var consumed = await tokens.ConsumeAsync(token, TokenPurpose.EmailValidation, cancellationToken);
        if (!consumed.Succeeded)
        {
            // A used, replaced or expired link of an account validated since: say so, rather than "ask for a new link".
            var owner = await tokens.OwnerAsync(token, TokenPurpose.EmailValidation, cancellationToken);
            var confirmed = owner is { } id
                && await db.People.AnyAsync(p => p.Id == id && p.EmailConfirmedAt != null, cancellationToken);
            return confirmed ? Result<Person>.Failure(PeopleErrors.EmailAlreadyConfirmed) : consumed.Cast<Person>();
        }

        var person = await db.People.SingleAsync(p => p.Id == consumed.Value, cancellationToken);
        person.EmailConfirmedAt ??= clock.GetUtcNow();
        audit.Record(person.Email, AuditEvents.PersonEmailConfirmed, null, person.Email);
        await db.SaveChangesAsync(cancellationToken);
        return person;
    }
}
