using Guichet.Application.Auditing;
using Guichet.Application.Security;
using Guichet.Data;
using Guichet.Domain.Common;
using Guichet.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Guichet.Application.People;

/// <summary>"Mot de passe oublié": always the same answer; a link by email when the address is known.</summary>
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
        await mailer.TrySendAsync(PortalEmails.ResetPassword(person.Email, person.FirstName, links.ResetPassword(token)), cancellationToken);
    }
}

/// <summary>Sets a new password from a reset link, or from the forced change page; either signs the person out everywhere.</summary>
public sealed class ChangePassword(
    GuichetDbContext db,
    PasswordHashing hashing,
    PersonTokens tokens,
    AuditTrail audit,
    TimeProvider clock,
    IOptions<PortalOptions> options)
{
    public async Task<Result<Person>> WithTokenAsync(string? token, string? password, string? confirmation, CancellationToken cancellationToken)
    {
        var errors = Check(password, confirmation);
        if (errors.Count > 0)
        {
            return Result<Person>.Failure(ErrorCodes.ValidationFailed, errors);
        }

        var consumed = await tokens.ConsumeAsync(token, TokenPurpose.PasswordReset, cancellationToken);
        if (!consumed.Succeeded)
        {
            return consumed.Cast<Person>();
        }

        var person = await db.People.SingleAsync(p => p.Id == consumed.Value, cancellationToken);
        // Following a link sent to the address also proves the address.
        person.EmailConfirmedAt ??= clock.GetUtcNow();
        return await SetAsync(person, password!, cancellationToken);
    }

    public async Task<Result<Person>> WithCurrentAsync(Guid personId, string? current, string? password, string? confirmation, CancellationToken cancellationToken)
    {
        var person = await db.People.SingleAsync(p => p.Id == personId, cancellationToken);
        var errors = Check(password, confirmation);
        if (string.IsNullOrEmpty(current) || hashing.Verify(person.PasswordHash, current) == PasswordCheck.Invalid)
        {
            errors.Add(new Error(ErrorCodes.UserAuthenticationFailed, "Le mot de passe actuel est incorrect.", "CurrentPassword"));
        }
        else if (current == password)
        {
            errors.Add(new Error(ErrorCodes.InvalidValue, "Choisissez un mot de passe différent de l'actuel.", "Password"));
        }

        return errors.Count > 0 ? Result<Person>.Failure(ErrorCodes.ValidationFailed, errors) : await SetAsync(person, password!, cancellationToken);
    }

    private List<Error> Check(string? password, string? confirmation)
    {
        var errors = new List<Error>();
        PersonFields.Password(errors, options.Value.PasswordPolicy, password, confirmation);
        return errors;
    }

    private async Task<Result<Person>> SetAsync(Person person, string password, CancellationToken cancellationToken)
    {
        person.PasswordHash = hashing.Hash(password);
        person.PasswordChangedAt = clock.GetUtcNow();
        person.SecurityStamp = Guid.NewGuid();
        person.Version = Guid.NewGuid();
        audit.Record(person.Email, "person.password_changed", null, person.Email);
        await db.SaveChangesAsync(cancellationToken);
        return person;
    }
}
