using Guichet.Application.Auditing;
using Guichet.Application.Security;
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
/// The link alone is not enough: the person also types the password chosen at sign-up. Otherwise a stranger who signed
/// up with someone's address after them (replacing their registration) would have the mailbox's owner validate the
/// stranger's password by clicking the newest link. A wrong password leaves the link unused; the page's per-address
/// budget bounds the tries, and only the mailbox's owner holds the link anyway.
/// </summary>
public sealed class ValidateEmail(GuichetDbContext db, PersonTokens tokens, PasswordHashing hashing, AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<Person>> HandleAsync(string? token, string? password, CancellationToken cancellationToken)
    {
        var live = await tokens.PeekAsync(token, TokenPurpose.EmailValidation, cancellationToken);
        if (live.Succeeded)
        {
            var pending = await db.People.AsNoTracking().Where(p => p.Id == live.Value.PersonId && p.EmailConfirmedAt == null)
                .Select(p => p.PasswordHash).SingleOrDefaultAsync(cancellationToken);
            if (pending is not null && await hashing.VerifyAsync(pending, password ?? string.Empty, cancellationToken) == PasswordCheck.Invalid)
            {
                return Result<Person>.Failure(string.IsNullOrEmpty(password)
                    ? PeopleErrors.PasswordRequired("Password") : PeopleErrors.NotTheSignUpPassword("Password"));
            }
        }

        // The link is spent and the account confirmed together, or neither: a failure between the two leaves the link usable.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
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
            await transaction.CommitAsync(cancellationToken);
            return person;
        }

        if (person.PasswordChangedAt > consumed.Value.IssuedAt)
        {
            await transaction.CommitAsync(cancellationToken);
            return Result<Person>.Failure(PeopleErrors.LinkUsedOrReplaced);
        }

        person.EmailConfirmedAt = clock.GetUtcNow();
        audit.Record(person.Email, AuditEvents.PersonEmailConfirmed, null, person.Email);
        if (!await db.TrySaveChangesAsync(cancellationToken))
        {
            return Result<Person>.Failure(PeopleErrors.LinkUsedOrReplaced);
        }

        await transaction.CommitAsync(cancellationToken);
        return person;
    }
}
