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
/// A person signed in, whether the password must be changed before going further, and the browser's device id to
/// remember (the one it came with, or a new one).
/// </summary>
public sealed record SignedIn(Person Person, bool PasswordExpired, Guid Device);

/// <summary>
/// Portal log in, behind the same brute-force brake as the SOAP service, in a key space of its own. A browser where the
/// person signed in before (<c>trustedDevice</c>, read by the page from a cookie it protects) has a brake of its own
/// (<see cref="LoginThrottle.PortalDeviceKey"/>): guessing from elsewhere can lock the address, not its owner's browser
/// (review B19, OWASP's "device cookies").
/// </summary>
public sealed class SignIn(
    GuichetDbContext db,
    PasswordHashing hashing,
    LoginThrottling throttling,
    AuditTrail audit,
    TimeProvider clock,
    IOptions<PortalOptions> options)
{
    public async Task<Result<SignedIn>> HandleAsync(string? email, string? password, string? remoteAddress, Guid? trustedDevice,
        CancellationToken cancellationToken)
    {
        var key = PersonFields.Normalize(email);
        if (key.Length == 0 || string.IsNullOrEmpty(password) || key.Length > 250)
        {
            return Result<SignedIn>.Failure(PeopleErrors.SignInIncomplete);
        }

        var brakeKey = trustedDevice is { } device ? LoginThrottle.PortalDeviceKey(key, device) : LoginThrottle.PortalKey(key);
        var brake = await throttling.CheckAsync(brakeKey, BrakeReader.Person, cancellationToken);
        var door = trustedDevice is null ? "portal" : "portal, trusted device";
        if (!brake.Succeeded)
        {
            // Refused without a look at the password, and recorded: a guess while the brake waits is still a guess.
            var typed = TypedLogin.ForAudit(key);
            audit.Record(typed, AuditEvents.UserAuthenticationFailed, null, typed, remoteAddress: remoteAddress, detail: door + ", locked");
            await db.SaveChangesAsync(cancellationToken);
            return brake.Cast<SignedIn>();
        }

        var person = await db.People.SingleOrDefaultAsync(p => p.Email == key, cancellationToken);
        var check = person is null
            ? await hashing.VerifyDecoyAsync(password, cancellationToken)
            : await hashing.VerifyAsync(person.PasswordHash, password, cancellationToken);
        if (check == PasswordCheck.Invalid)
        {
            var retry = await throttling.RecordFailureAsync(brake.Value, cancellationToken);
            var typed = TypedLogin.ForAudit(key);
            audit.Record(typed, AuditEvents.UserAuthenticationFailed, null, typed, remoteAddress: remoteAddress, detail: door);
            await db.SaveChangesAsync(cancellationToken);
            return Result<SignedIn>.Failure(PeopleErrors.SignInFailed(retry));
        }

        await throttling.ResetAsync(brake.Value, cancellationToken);
        if (check == PasswordCheck.ValidNeedsRehash)
        {
            await RehashAsync(person!, password, cancellationToken);
        }

        if (person!.EmailConfirmedAt is null)
        {
            return Result<SignedIn>.Failure(PeopleErrors.EmailNotConfirmed);
        }

        var expired = clock.GetUtcNow() - person.PasswordChangedAt > options.Value.PasswordLifetime;
        return new SignedIn(person, expired, trustedDevice ?? Guid.NewGuid());
    }

    /// <summary>Saved at once; if the person changed meanwhile, the other change wins and the re-hash waits for the next log in.</summary>
    private async Task RehashAsync(Person person, string password, CancellationToken cancellationToken)
    {
        person.PasswordHash = await hashing.HashAsync(password, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await db.Entry(person).ReloadAsync(cancellationToken);
        }
    }
}
