using Guichet.Application.Auditing;
using Guichet.Application.Security;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Guichet.Application.People;

/// <summary>A new password from a "mot de passe oublié" link; it signs the person out everywhere.</summary>
public sealed class ResetPassword(
    GuichetDbContext db,
    PasswordHashing hashing,
    PersonTokens tokens,
    AuditTrail audit,
    TimeProvider clock,
    IOptions<PortalOptions> options)
{
    public async Task<Result<Person>> HandleAsync(string? token, string? password, string? confirmation, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        PersonFields.Password(errors, options.Value.PasswordPolicy, password, confirmation);
        if (errors.Count > 0)
        {
            return Result<Person>.Failure(ErrorCodes.ValidationFailed, errors);
        }

        var consumed = await tokens.ConsumeAsync(token, TokenPurpose.PasswordReset, cancellationToken);
        if (!consumed.Succeeded)
        {
            return consumed.Cast<Person>();
        }

        var person = await db.People.SingleAsync(p => p.Id == consumed.Value.PersonId, cancellationToken);
        var now = clock.GetUtcNow();
        // Following a link sent to the address also proves the address.
        person.EmailConfirmedAt ??= now;
        person.SetPassword(hashing.Hash(password!), now);
        audit.Record(person.Email, AuditEvents.PersonPasswordChanged, null, person.Email);
        await db.SaveChangesAsync(cancellationToken);
        return person;
    }
}
