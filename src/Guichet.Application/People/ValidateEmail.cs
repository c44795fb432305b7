using Guichet.Application.Auditing;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.People;

/// <summary>
/// The "Valider la création de mon compte" link. It confirms only the registration it was sent for: a sign-up that
/// replaced the pending registration after the link was issued (new password) makes it useless, even when the two meet
/// at the same moment (the replacement changes the person's version, so the confirmation's save loses).
/// </summary>
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

        var person = await db.People.SingleAsync(p => p.Id == consumed.Value.PersonId, cancellationToken);
        if (person.EmailConfirmedAt is not null)
        {
            return person;
        }

        if (person.PasswordChangedAt > consumed.Value.IssuedAt)
        {
            return Result<Person>.Failure(PeopleErrors.LinkUsedOrReplaced);
        }

        person.EmailConfirmedAt = clock.GetUtcNow();
        audit.Record(person.Email, AuditEvents.PersonEmailConfirmed, null, person.Email);
        if (!await db.TrySaveChangesAsync(cancellationToken))
        {
            return Result<Person>.Failure(PeopleErrors.LinkUsedOrReplaced);
        }

        return person;
    }
}
