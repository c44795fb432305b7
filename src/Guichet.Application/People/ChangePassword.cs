using Guichet.Application.Auditing;
using Guichet.Application.Security;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Guichet.Application.People;

/// <summary>A new password given with the current one (the forced change of an expired password); it signs the person out everywhere.</summary>
public sealed class ChangePassword(
    GuichetDbContext db,
    PasswordHashing hashing,
    AuditTrail audit,
    TimeProvider clock,
    IOptions<PortalOptions> options)
{
    public async Task<Result<Person>> HandleAsync(Guid personId, string? current, string? password, string? confirmation,
        CancellationToken cancellationToken)
    {
        var person = await db.People.SingleAsync(p => p.Id == personId, cancellationToken);
        var errors = new List<Error>();
        PersonFields.Password(errors, options.Value.PasswordPolicy, password, confirmation);
        if (string.IsNullOrEmpty(current) || hashing.Verify(person.PasswordHash, current) == PasswordCheck.Invalid)
        {
            errors.Add(PeopleErrors.CurrentPasswordWrong("CurrentPassword"));
        }
        else if (current == password)
        {
            errors.Add(PeopleErrors.PasswordUnchanged("Password"));
        }

        if (errors.Count > 0)
        {
            return Result<Person>.Failure(ErrorCodes.ValidationFailed, errors);
        }

        person.SetPassword(hashing.Hash(password!), clock.GetUtcNow());
        audit.Record(person.Email, AuditEvents.PersonPasswordChanged, null, person.Email);
        await db.SaveChangesAsync(cancellationToken);
        return person;
    }
}
