using Guichet.Application.Accounts;
using Guichet.Application.Auditing;
using Guichet.Data;
using Guichet.Domain.Accounts;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.Security;
using Guichet.Domain.WhiteLabels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Guichet.Application.Security;

/// <summary>
/// Second level of seed 004 §1.3.2: an account of the authenticated white label, by password or SSO token,
/// behind the brute-force brake (<see cref="LoginThrottle"/>).
/// </summary>
public sealed class UserAuthenticator(
    GuichetDbContext db,
    PasswordHashing hashing,
    SecretProtector secrets,
    AuditTrail audit,
    TimeProvider clock,
    IOptions<SecurityOptions> options)
{
    // Verified when the login is unknown, so that an unknown login costs the same time as a wrong password.
    private static readonly Lazy<string> s_decoyHash = new(() => new PasswordHashing().Hash(SecretGenerator.New()));

    public async Task<Result<Caller>> AuthenticateAsync(WhiteLabel whiteLabel, string? login, string? password, string? remoteAddress, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(login) || string.IsNullOrEmpty(password) || login.Length > 100)
        {
            return Result<Caller>.Failure(new Error(ErrorCodes.UserAuthenticationFailed, "L'en-tête context doit contenir user/login et user/password."));
        }

        var key = login.Trim().ToLowerInvariant();
        var now = clock.GetUtcNow();
        var throttle = await db.LoginThrottles.SingleOrDefaultAsync(t => t.Login == key, cancellationToken);
        if (throttle is not null && throttle.IsBlocked(now))
        {
            // Refused without looking at the password, as the seed asks.
            return Locked(throttle.BlockedUntil!.Value, now);
        }

        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Login == key && a.WhiteLabelId == whiteLabel.Id, cancellationToken);
        var check = account is null ? Decoy(password) : Check(whiteLabel, account, password, now);
        if (check == PasswordCheck.Invalid)
        {
            throttle ??= db.LoginThrottles.Add(new LoginThrottle { Login = key }).Entity;
            throttle.RecordFailure(now);
            audit.Record(key, AuditEvents.UserAuthenticationFailed, whiteLabel.Id, key, remoteAddress: remoteAddress,
                detail: $"failure {throttle.Failures}");
            await SaveIgnoringRacesAsync(cancellationToken);
            var wait = (int)Math.Ceiling((throttle.BlockedUntil!.Value - now).TotalSeconds);
            return Result<Caller>.Failure(new Error(ErrorCodes.UserAuthenticationFailed,
                $"Identifiant ou mot de passe incorrect. Prochaine tentative possible dans {wait} secondes ({throttle.BlockedUntil.Value.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ})."));
        }

        if (throttle is not null)
        {
            db.LoginThrottles.Remove(throttle);
        }

        if (check == PasswordCheck.ValidNeedsRehash)
        {
            account!.PasswordHash = hashing.Hash(password);
        }

        await SaveIgnoringRacesAsync(cancellationToken);
        return new Caller(whiteLabel, account!, account!.PasswordExpired(now), remoteAddress);
    }

    private PasswordCheck Check(WhiteLabel whiteLabel, Account account, string password, DateTimeOffset now)
    {
        if (!SsoToken.LooksLikeToken(password))
        {
            return hashing.Verify(account.PasswordHash, password);
        }

        // SSO is for primaries and secondaries of a white label that has a shared key, never for administrators.
        if (account.Kind == AccountKind.Administrator || whiteLabel.SsoKeyProtected is null)
        {
            return PasswordCheck.Invalid;
        }

        var valid = SsoToken.IsValid(password, secrets.Unprotect(whiteLabel.SsoKeyProtected), account.Login, now,
            TimeSpan.FromMinutes(whiteLabel.SsoTokenValidityMinutes), options.Value.SsoClockSkew);
        return valid ? PasswordCheck.Valid : PasswordCheck.Invalid;
    }

    private PasswordCheck Decoy(string password)
    {
        hashing.Verify(s_decoyHash.Value, password);
        return PasswordCheck.Invalid;
    }

    /// <summary>
    /// Two failures of one login at the same instant race on its throttle row; the loser's count is dropped, which
    /// only shortens one wait by a step and never unblocks anybody.
    /// </summary>
    private async Task SaveIgnoringRacesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }
    }

    private static Result<Caller> Locked(DateTimeOffset until, DateTimeOffset now)
    {
        var seconds = (int)Math.Ceiling((until - now).TotalSeconds);
        return Result<Caller>.Failure(new Error(ErrorCodes.UserTemporarilyLocked,
            $"Trop de tentatives échouées : réessayez dans {seconds} secondes ({until.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ})."));
    }
}
