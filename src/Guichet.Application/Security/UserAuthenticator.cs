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
    // The brake's row of the login is read in the same query, as two scalar subqueries on its key (a primary key): one
    // lookup fewer on every call. A login with no account has its brake read alone (BrakeOfUnknownLoginAsync).
    private static readonly CompiledPerModel<Func<GuichetDbContext, string, Guid, string, CancellationToken, Task<WithBrake<Account>?>>> s_row =
        new(() => EF.CompileAsyncQuery((GuichetDbContext db, string login, Guid whiteLabelId, string brakeKey, CancellationToken _) =>
            db.Accounts.Where(a => a.Login == login && a.WhiteLabelId == whiteLabelId)
                .Select(a => new WithBrake<Account>(a,
                    db.LoginThrottles.Where(t => t.Login == brakeKey).Select(t => (int?)t.Failures).FirstOrDefault(),
                    db.LoginThrottles.Where(t => t.Login == brakeKey).Select(t => t.BlockedUntil).FirstOrDefault()))
                .SingleOrDefault()));

    private static readonly CompiledPerModel<Func<GuichetDbContext, string, Guid, string, CancellationToken, Task<WithBrake<StoredCredentials>?>>>
        s_credentials = new(() => EF.CompileAsyncQuery((GuichetDbContext db, string login, Guid whiteLabelId, string brakeKey, CancellationToken _) =>
            db.Accounts.AsNoTracking().Where(a => a.Login == login && a.WhiteLabelId == whiteLabelId)
                .Select(a => new WithBrake<StoredCredentials>(
                    // StoredCredentials.Columns spelled out: EF Core translates a nested constructor, not a nested expression.
                    new StoredCredentials(new AccountFacts(a.Id, a.WhiteLabelId, a.Login, a.Kind, a.State, a.PrimaryAccountId),
                        a.PasswordHash, a.PasswordChangedAt, a.ReceiptExpiresAt),
                    db.LoginThrottles.Where(t => t.Login == brakeKey).Select(t => (int?)t.Failures).FirstOrDefault(),
                    db.LoginThrottles.Where(t => t.Login == brakeKey).Select(t => t.BlockedUntil).FirstOrDefault()))
                .SingleOrDefault()));

    /// <param name="writesOwnRow">
    /// The operation changes the caller's own account: its row is then read whole and tracked, once for the check and the
    /// change (<see cref="Caller.OwnRow"/>). Otherwise only the columns the check needs are read, untracked.
    /// </param>
    /// <param name="read">
    /// The caller's rows, read with the white label before its token was proven (<see cref="SoapCallerReader"/>): used
    /// instead of reading them again when they are of this white label and login and the call does not write its own row.
    /// </param>
    public async Task<Result<Caller>> AuthenticateAsync(WhiteLabel whiteLabel, string? login, string? password, bool writesOwnRow,
        string? remoteAddress, CancellationToken cancellationToken, CallerRead? read = null)
    {
        if (string.IsNullOrWhiteSpace(login) || string.IsNullOrEmpty(password))
        {
            return Result<Caller>.Failure(SecurityErrors.UserContextMissing);
        }

        var key = Account.NormalizeLogin(login);
        if (!Account.IsPossibleLogin(key))
        {
            // No account can have it: refused before the brake or the audit trail record anything about it.
            return Result<Caller>.Failure(SecurityErrors.UserLoginMalformed);
        }

        var brakeKey = LoginThrottle.SoapKey(whiteLabel.Id, key);
        Account? row = null;
        StoredCredentials? account;
        Result<LoginBrake> brake;
        if (writesOwnRow)
        {
            var whole = await s_row.For(db)(db, key, whiteLabel.Id, brakeKey, cancellationToken);
            row = whole?.Value;
            account = row is null ? null : StoredCredentials.Of(row);
            brake = whole is null ? await BrakeOfUnknownLoginAsync(brakeKey, cancellationToken) : Judge(brakeKey, whole);
        }
        else if (read is not null && read.WhiteLabelId == whiteLabel.Id && read.Login == key)
        {
            account = read.Credentials;
            brake = Judge(brakeKey, read.Failures, read.BlockedUntil);
        }
        else
        {
            var credentials = await s_credentials.For(db)(db, key, whiteLabel.Id, brakeKey, cancellationToken);
            account = credentials?.Value;
            brake = credentials is null ? await BrakeOfUnknownLoginAsync(brakeKey, cancellationToken) : Judge(brakeKey, credentials);
        }

        if (!brake.Succeeded)
        {
            // Refused without looking at the password, as the seed asks.
            return brake.Cast<Caller>();
        }

        var now = clock.GetUtcNow();

        var (check, usedPreviousKey) = account is null
            ? (await hashing.VerifyDecoyAsync(password, cancellationToken), false)
            : await CheckAsync(whiteLabel, account, password, now, cancellationToken);
        if (check == PasswordCheck.Invalid)
        {
            var retry = await throttling.RecordFailureAsync(brake.Value, cancellationToken);
            audit.Record(key, AuditEvents.UserAuthenticationFailed, whiteLabel.Id, key, remoteAddress: remoteAddress);
            await db.SaveChangesAsync(cancellationToken);
            return Result<Caller>.Failure(SecurityErrors.UserCredentialsWrong(retry));
        }

        await throttling.ResetAsync(brake.Value, cancellationToken);
        if (usedPreviousKey)
        {
            audit.Record(key, AuditEvents.WhiteLabelPreviousSsoKeyUsed, whiteLabel.Id, whiteLabel.Code, remoteAddress: remoteAddress, detail: "sso");
            await db.SaveChangesAsync(cancellationToken);
        }

        await AfterSuccessAsync(account!, row, password, check, cancellationToken);
        return new Caller(whiteLabel, account!.Facts, Account.PasswordExpiredSince(account.PasswordChangedAt, now), remoteAddress) { OwnRow = row };
    }

    /// <summary>An unknown login is braked like a known one (its failures count under the same key).</summary>
    private Task<Result<LoginBrake>> BrakeOfUnknownLoginAsync(string brakeKey, CancellationToken cancellationToken) =>
        throttling.CheckAsync(brakeKey, BrakeReader.Program, cancellationToken);

    private Result<LoginBrake> Judge<T>(string brakeKey, WithBrake<T> read) => Judge(brakeKey, read.Failures, read.BlockedUntil);

    private Result<LoginBrake> Judge(string brakeKey, int? failures, DateTimeOffset? blockedUntil) => throttling.Judge(brakeKey,
        failures is { } count ? new LoginThrottle { Login = brakeKey, Failures = count, BlockedUntil = blockedUntil } : null,
        BrakeReader.Program);

    /// <summary>
    /// The account has its password now: a retried registration must no longer hand it out (RegistrationReceipts); and an
    /// old-format hash is replaced (unless the password changed meanwhile). Single statements on the account's row, so
    /// that the caller's unit of work is neither flushed nor cleared; a tracked row is then reloaded.
    /// </summary>
    private async Task AfterSuccessAsync(StoredCredentials account, Account? row, string password, PasswordCheck check,
        CancellationToken cancellationToken)
    {
        var id = account.Facts.Id;
        var forgetReceipt = account.ReceiptExpiresAt is not null;
        var rehash = check == PasswordCheck.ValidNeedsRehash;
        if (forgetReceipt)
        {
            await db.Accounts.Where(a => a.Id == id).ExecuteUpdateAsync(set => set
                .SetProperty(a => a.ReceiptPasswordProtected, (string?)null)
                .SetProperty(a => a.ReceiptRequestHash, (string?)null)
                .SetProperty(a => a.ReceiptExpiresAt, (DateTimeOffset?)null), cancellationToken);
        }

        if (rehash)
        {
            var oldHash = account.PasswordHash;
            var newHash = await hashing.HashAsync(password, cancellationToken);
            await db.Accounts.Where(a => a.Id == id && a.PasswordHash == oldHash)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.PasswordHash, newHash), cancellationToken);
        }

        if (row is not null && (forgetReceipt || rehash))
        {
            await db.Entry(row).ReloadAsync(cancellationToken);
        }
    }

    /// <returns>The check, and whether an SSO token was minted with the key a rotation replaced, during its grace.</returns>
    private async Task<(PasswordCheck Check, bool UsedPreviousKey)> CheckAsync(WhiteLabel whiteLabel, StoredCredentials stored, string password,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var account = stored.Facts;
        if (!SsoToken.LooksLikeToken(password))
        {
            if (verified.Contains(account.Login, password, stored.PasswordHash))
            {
                return (PasswordCheck.Valid, false);
            }

            var check = await hashing.VerifyAsync(stored.PasswordHash, password, cancellationToken);
            if (check == PasswordCheck.Valid)
            {
                verified.Remember(account.Login, password, stored.PasswordHash);
            }

            return (check, false);
        }

        // SSO is for primaries and secondaries of a white label that has a shared key, never for administrators.
        // A token costs a SHA-256, not a PBKDF2: a refused one spends a decoy verification, so that a refusal costs
        // the same work whether the login exists or not.
        if (account.Kind == AccountKind.Administrator || whiteLabel.SsoKeyProtected is null)
        {
            return (await hashing.VerifyDecoyAsync(password, cancellationToken), false);
        }

        var validity = TimeSpan.FromMinutes(whiteLabel.SsoTokenValidityMinutes);
        var valid = SsoToken.IsValid(password, secrets.Unprotect(whiteLabel.SsoKeyProtected), account.Login, whiteLabel.SsoTimeZone, now,
            validity, options.Value.SsoClockSkew);
        var usedPreviousKey = false;
        if (!valid && whiteLabel.PreviousSsoKeyAt(now) is { } previous)
        {
            usedPreviousKey = valid = SsoToken.IsValid(password, secrets.Unprotect(previous), account.Login, whiteLabel.SsoTimeZone, now,
                validity, options.Value.SsoClockSkew);
        }

        return valid ? (PasswordCheck.Valid, usedPreviousKey) : (await hashing.VerifyDecoyAsync(password, cancellationToken), false);
    }

    /// <summary>The caller's row or credentials, and the brake's columns of its login (null failures: no brake row).</summary>
    private sealed record WithBrake<T>(T Value, int? Failures, DateTimeOffset? BlockedUntil);
}
