using Guichet.Application.Accounts;
using Guichet.Application.Auditing;
using Guichet.Data;
using Guichet.Domain.Accounts;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.WhiteLabels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Guichet.Application.Security;

/// <summary>
/// Second level of seed 004 §1.3.2: an account of the authenticated white label, by password or SSO token,
/// behind the brute-force brake (<see cref="LoginThrottling"/>).
/// </summary>
public sealed class UserAuthenticator(
    GuichetDbContext db,
    PasswordHashing hashing,
    LoginThrottling throttling,
    VerifiedPasswordCache verified,
    SecretProtector secrets,
    AuditTrail audit,
    TimeProvider clock,
    IOptions<SecurityOptions> options)
{
    public async Task<Result<Caller>> AuthenticateAsync(WhiteLabel whiteLabel, string? login, string? password, string? remoteAddress, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(login) || string.IsNullOrEmpty(password) || login.Length > 100)
        {
            return Result<Caller>.Failure(new Error(ErrorCodes.UserAuthenticationFailed, "L'en-tête context doit contenir user/login et user/password."));
        }

        var key = Account.NormalizeLogin(login);
        var (throttle, locked) = await throttling.CheckAsync(key, cancellationToken);
        if (locked is not null)
        {
            // Refused without looking at the password, as the seed asks.
            return Result<Caller>.Failure(locked);
        }

        var now = clock.GetUtcNow();
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Login == key && a.WhiteLabelId == whiteLabel.Id, cancellationToken);
        var check = account is null ? hashing.VerifyDecoy(password) : Check(whiteLabel, account, password, now);
        if (check == PasswordCheck.Invalid)
        {
            var retry = throttling.RecordFailure(throttle, key);
            audit.Record(key, AuditEvents.UserAuthenticationFailed, whiteLabel.Id, key, remoteAddress: remoteAddress);
            await throttling.SaveIgnoringRacesAsync(cancellationToken);
            return Result<Caller>.Failure(new Error(ErrorCodes.UserAuthenticationFailed, "Identifiant ou mot de passe incorrect. " + retry));
        }

        throttling.Reset(throttle);
        // The account has its password now: a retried registration must no longer hand it out (RegistrationReceipts).
        account!.ForgetReceipt();
        if (check == PasswordCheck.ValidNeedsRehash)
        {
            account!.PasswordHash = hashing.Hash(password);
        }

        await throttling.SaveIgnoringRacesAsync(cancellationToken);
        return new Caller(whiteLabel, account!, account!.PasswordExpired(now), remoteAddress);
    }

    private PasswordCheck Check(WhiteLabel whiteLabel, Account account, string password, DateTimeOffset now)
    {
        if (!SsoToken.LooksLikeToken(password))
        {
            if (verified.Contains(account.Login, password, account.PasswordHash))
            {
                return PasswordCheck.Valid;
            }

            var check = hashing.Verify(account.PasswordHash, password);
            if (check == PasswordCheck.Valid)
            {
                verified.Remember(account.Login, password, account.PasswordHash);
            }

            return check;
        }

        // SSO is for primaries and secondaries of a white label that has a shared key, never for administrators.
        if (account.Kind == AccountKind.Administrator || whiteLabel.SsoKeyProtected is null)
        {
            return PasswordCheck.Invalid;
        }

        var valid = SsoToken.IsValid(password, secrets.Unprotect(whiteLabel.SsoKeyProtected), account.Login, whiteLabel.SsoTimeZone, now,
            TimeSpan.FromMinutes(whiteLabel.SsoTokenValidityMinutes), options.Value.SsoClockSkew);
        return valid ? PasswordCheck.Valid : PasswordCheck.Invalid;
    }
}
