using Guichet.Application.Auditing;
using Guichet.Application.Security;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.People;
using Guichet.Domain.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Guichet.Application.People;

/// <summary>
/// A new password given with the current one ("Changer mon mot de passe" on "Mon compte", and the forced change of an
/// expired password). The current password is checked behind the sign-in's brake, in the same key (the person's email):
/// a wrong one counts as a failed sign-in and is audited, and while the brake waits even the right one is refused, so a
/// stolen session cannot be used to guess the password. Success signs the person out everywhere else and emails them.
/// </summary>
public sealed class ChangePassword(
    GuichetDbContext db,
    PasswordHashing hashing,
    LoginThrottling throttling,
    PersonPasswordChange passwordChange,
    AuditTrail audit,
    IOptions<PortalOptions> options)
{
    public async Task<Result<Person>> HandleAsync(Guid personId, string? current, string? password, string? confirmation, PortalLinks links,
        string? remoteAddress, CancellationToken cancellationToken)
    {
        var person = await db.People.SingleAsync(p => p.Id == personId, cancellationToken);
        var brake = await throttling.CheckAsync(LoginThrottle.PortalKey(person.Email), BrakeReader.Person, cancellationToken);
        if (!brake.Succeeded)
        {
            await AuditFailureAsync(person, remoteAddress, "locked", cancellationToken);
            return brake.Cast<Person>();
        }

        var errors = new List<Error>();
        if (string.IsNullOrEmpty(current))
        {
            errors.Add(PeopleErrors.CurrentPasswordRequired("CurrentPassword"));
        }
        else if (await hashing.VerifyAsync(person.PasswordHash, current, cancellationToken) == PasswordCheck.Invalid)
        {
            var retry = await throttling.RecordFailureAsync(brake.Value, cancellationToken);
            await AuditFailureAsync(person, remoteAddress, "wrong current password", cancellationToken);
            errors.Add(PeopleErrors.CurrentPasswordWrongTryLater(retry, "CurrentPassword"));
        }
        else
        {
            await throttling.ResetAsync(brake.Value, cancellationToken);
            if (current == password)
            {
                errors.Add(PeopleErrors.PasswordUnchanged("Password"));
            }
        }

        PersonFields.Password(errors, options.Value.PasswordPolicy, password, confirmation);
        if (errors.Count > 0)
        {
            return Result<Person>.Failure(ErrorCodes.ValidationFailed, errors);
        }

        var passwordHash = await passwordChange.HashAsync(password!, cancellationToken);
        return await passwordChange.CompleteAsync(person, passwordHash, links, remoteAddress, cancellationToken)
            ? person
            : Result<Person>.Failure(PeopleErrors.AccountChangedMeanwhile);
    }

    private async Task AuditFailureAsync(Person person, string? remoteAddress, string detail, CancellationToken cancellationToken)
    {
        audit.Record(person.Email, AuditEvents.PersonPasswordChangeFailed, null, person.Email, remoteAddress: remoteAddress, detail: detail);
        await db.SaveChangesAsync(cancellationToken);
    }
}
