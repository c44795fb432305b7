using Guichet.Application.Auditing;
using Guichet.Application.Security;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Guichet.Application.Portal;

/// <summary>A person signed in, and whether the password must be changed before going further.</summary>
public sealed record SignedIn(Person Person, bool PasswordExpired);

/// <summary>Portal log in, behind the same brute-force brake as the SOAP service.</summary>
public sealed class SignIn(
    GuichetDbContext db,
    PasswordHashing hashing,
    LoginThrottling throttling,
    AuditTrail audit,
    TimeProvider clock,
    IOptions<PortalOptions> options)
{
    public async Task<Result<SignedIn>> HandleAsync(string? email, string? password, string? remoteAddress, CancellationToken cancellationToken)
    {
        var key = PersonFields.Normalize(email);
        if (key.Length == 0 || string.IsNullOrEmpty(password) || key.Length > 250)
        {
            return Result<SignedIn>.Failure(new Error(ErrorCodes.UserAuthenticationFailed, "Saisissez votre adresse électronique et votre mot de passe."));
        }

        var (throttle, locked) = await throttling.CheckAsync(key, cancellationToken);
        if (locked is not null)
        {
            return Result<SignedIn>.Failure(locked);
        }

        var person = await db.People.SingleOrDefaultAsync(p => p.Email == key, cancellationToken);
        var check = person is null ? hashing.VerifyDecoy(password) : hashing.Verify(person.PasswordHash, password);
        if (check == PasswordCheck.Invalid)
        {
            var retry = throttling.RecordFailure(throttle, key);
            audit.Record(key, AuditEvents.UserAuthenticationFailed, null, key, remoteAddress: remoteAddress, detail: "portal");
            await throttling.SaveIgnoringRacesAsync(cancellationToken);
            return Result<SignedIn>.Failure(new Error(ErrorCodes.UserAuthenticationFailed, "Adresse électronique ou mot de passe incorrect. " + retry));
        }

        throttling.Reset(throttle);
        if (check == PasswordCheck.ValidNeedsRehash)
        {
            person!.PasswordHash = hashing.Hash(password);
        }

        await throttling.SaveIgnoringRacesAsync(cancellationToken);
        if (person!.EmailConfirmedAt is null)
        {
            return Result<SignedIn>.Failure(new Error(ErrorCodes.EmailNotConfirmed,
                "Votre adresse électronique n'est pas encore validée : suivez le lien reçu par email, ou demandez un nouvel email."));
        }

        var expired = clock.GetUtcNow() - person.PasswordChangedAt > options.Value.PasswordLifetime;
        return new SignedIn(person, expired);
    }
}
