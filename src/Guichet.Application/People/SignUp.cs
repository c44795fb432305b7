using Guichet.Application.Auditing;
using Guichet.Application.Security;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.People;
using Guichet.Identifiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Guichet.Application.People;

/// <summary>
/// "Créer un compte", in either space: checks the form, creates the person unconfirmed (recording the space) and emails
/// the validation link, whose base (the <c>links</c> given) is the space's. An email already known gets the same answer
/// on the page (nothing is revealed) and its owner an email instead, with that space's links.
/// </summary>
public sealed class SignUp(
    GuichetDbContext db,
    PasswordHashing hashing,
    PersonTokens tokens,
    PortalMailer mailer,
    AuditTrail audit,
    TimeProvider clock,
    IOptions<PortalOptions> options)
{
    public async Task<Result<string>> HandleAsync(SignUpRequest request, PortalLinks links, string? remoteAddress,
        CancellationToken cancellationToken)
    {
        var portal = options.Value;
        var email = PersonFields.Normalize(request.Email);
        var errors = new List<Error>();
        if (email.Length == 0)
        {
            errors.Add(PeopleErrors.EmailRequired(nameof(request.Email)));
        }
        else if (!EmailAddress.IsValid(email))
        {
            errors.Add(PeopleErrors.EmailInvalid(nameof(request.Email)));
        }

        if (email != PersonFields.Normalize(request.EmailConfirmation))
        {
            errors.Add(PeopleErrors.EmailsDiffer(nameof(request.EmailConfirmation)));
        }

        PersonFields.Password(errors, portal.PasswordPolicy, request.Password, request.PasswordConfirmation);
        PersonFields.FirstName(errors, request.FirstName, nameof(request.FirstName));
        PersonFields.LastName(errors, request.LastName, nameof(request.LastName));
        if (errors.Count > 0)
        {
            return Result<string>.Failure(ErrorCodes.ValidationFailed, errors);
        }

        var existing = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Email == email, cancellationToken);
        if (existing is not null)
        {
            await mailer.TrySendAsync(PortalEmails.AlreadyRegistered(email, links.Login, links.LostPassword), cancellationToken);
            return email;
        }

        var now = clock.GetUtcNow();
        var person = new Person
        {
            Email = email,
            FirstName = request.FirstName!.Trim(),
            LastName = request.LastName!.Trim(),
            PasswordHash = hashing.Hash(request.Password!),
            PasswordChangedAt = now,
            ContributionsOnly = request.ContributionsOnly,
            SignedUpIn = request.Space,
            CreatedAt = now,
        };
        db.People.Add(person);
        // A new person has no token yet, so the hourly limit cannot refuse this first one.
        var token = await tokens.IssueAsync(person.Id, TokenPurpose.EmailValidation, portal.EmailValidationLifetime, cancellationToken)
            ?? throw new InvalidOperationException("A new person cannot have reached the link limit.");
        audit.Record(email, AuditEvents.PersonSignedUp, null, email, remoteAddress: remoteAddress);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (DbErrors.IsUniqueViolation(exception))
        {
            // A double click: the first request created the person and sent the link.
            db.ChangeTracker.Clear();
            return email;
        }

        await mailer.TrySendAsync(PortalEmails.ValidateAccount(email, links.ValidateEmail(token), portal.EmailValidationLifetime), cancellationToken);
        return email;
    }
}
