using Guichet.Application.Auditing;
using Guichet.Application.Mail;
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
/// "Créer un compte", in either space: checks the form and answers the same whatever the address, in the same time (one
/// password hash on every path, the email through the outbox). The validation link's base (the <c>links</c> given) is
/// the space's.
/// <list type="bullet">
/// <item>A new address: the person is created unconfirmed (recording the space) and emailed a validation link.</item>
/// <item>An address known but not validated: the pending registration is replaced (password, names, choice, space),
/// every earlier link revoked and a new one sent (within <see cref="PersonTokens.MaxPerHour"/>): only the mailbox
/// owner's latest sign-up can be validated. Of two sign-ups at once, the one saved second re-reads and replaces the
/// first, so the valid link is always that of the stored password.</item>
/// <item>A validated address: nothing changes; its owner is sent the "already registered" notice, which counts in the
/// same hourly cap.</item>
/// </list>
/// </summary>
public sealed class SignUp(
    GuichetDbContext db,
    PasswordHashing hashing,
    PersonTokens tokens,
    MailOutbox outbox,
    AuditTrail audit,
    TimeProvider clock,
    IOptions<PortalOptions> options)
{
    /// <summary>Concurrent sign-ups on one address each retry on a fresh read; past this many, the last one gives up.</summary>
    private const int Attempts = 5;

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

        // Hashed on every path, also where it is thrown away (a validated address): the answer takes the same time.
        var passwordHash = await hashing.HashAsync(request.Password!, cancellationToken);
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            if (await TrySaveAsync(request, email, passwordHash, links, remoteAddress, cancellationToken))
            {
                break;
            }
        }

        return email;
    }

    /// <summary>One attempt on a fresh read; false when a concurrent sign-up or validation of the address won the save.</summary>
    private async Task<bool> TrySaveAsync(SignUpRequest request, string email, string passwordHash, PortalLinks links,
        string? remoteAddress, CancellationToken cancellationToken)
    {
        var lifetime = options.Value.EmailValidationLifetime;
        var person = await db.People.SingleOrDefaultAsync(p => p.Email == email, cancellationToken);
        if (person?.EmailConfirmedAt is not null)
        {
            var noticed = await tokens.CountNoticeAsync(person, cancellationToken);
            if (noticed)
            {
                outbox.Add(PortalEmails.AlreadyRegistered(email, links.Login, links.LostPassword));
            }

            // Recorded whether or not a notice goes: this path commits once, as the others do.
            audit.Record(email, AuditEvents.PersonSignUpOnValidatedAddress, null, email, remoteAddress: remoteAddress,
                detail: noticed ? "notice sent" : "hourly cap reached");
        }
        else
        {
            var now = clock.GetUtcNow();
            if (person is null)
            {
                person = db.People.Add(new Person
                {
                    Email = email,
                    FirstName = string.Empty,
                    LastName = string.Empty,
                    PasswordHash = passwordHash,
                    CreatedAt = now,
                }).Entity;
                audit.Record(email, AuditEvents.PersonSignedUp, null, email, remoteAddress: remoteAddress);
            }
            else
            {
                // Links sent before were for the replaced password: none may validate this one.
                await tokens.RevokeAsync(person.Id, TokenPurpose.EmailValidation, cancellationToken);
                audit.Record(email, AuditEvents.PersonSignUpReplaced, null, email, from: person.SignedUpIn.ToString(),
                    to: request.Space.ToString(), remoteAddress: remoteAddress);
            }

            // A new version too: a confirmation or a sign-up that read the person before loses its save.
            person.SetPassword(passwordHash, now);
            person.FirstName = request.FirstName!.Trim();
            person.LastName = request.LastName!.Trim();
            person.ContributionsOnly = request.ContributionsOnly;
            person.SignedUpIn = request.Space;
            if (await tokens.IssueAsync(person, TokenPurpose.EmailValidation, lifetime, cancellationToken) is { } token)
            {
                outbox.Add(PortalEmails.ValidateAccount(email, links.ValidateEmail(token), lifetime));
            }
        }

        // The person, the links, the audit line and the email: one transaction, or nothing.
        return await db.TrySaveChangesAsync(cancellationToken);
    }
}
