using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Guichet.Application.Auditing;
using Guichet.Application.WhiteLabels;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.Security;
using Guichet.Domain.WhiteLabels;
using Microsoft.Extensions.Options;

namespace Guichet.Application.Security;

/// <summary>
/// First level of seed 004 §1.3.1: the white label, by a UsernameToken whose
/// <c>PasswordDigest = Base64(SHA-1(nonce + created + secret))</c>, fresh, and never replayed.
/// Every failure spends the remote address's <see cref="FailedAuthenticationBudget"/>; past it, failures answer
/// TOO_MANY_FAILED_AUTHENTICATIONS and write nothing (a valid token still passes). During a rotation's grace the
/// previous secret is accepted too, and each such call is audited; a disabled white label is refused, with
/// WHITE_LABEL_DISABLED, only once its token is proven right.
/// </summary>
public sealed class WsseAuthenticator(
    GuichetDbContext db,
    SoapCallerReader callers,
    NonceLedger nonces,
    SecretProtector secrets,
    AuditTrail audit,
    FailedAuthenticationBudget budget,
    TimeProvider clock,
    IOptions<SecurityOptions> options)
{
    private const int MaxNonceBytes = 64;

    private const int MaxNonceText = 200;

    public Task<Result<WhiteLabel>> AuthenticateAsync(UsernameToken? token, string? remoteAddress, CancellationToken cancellationToken) =>
        AuthenticateAsync(token, remoteAddress,
            async (username, cancel) => (await callers.ReadAsync(username, login: null, names: null, cancel)).WhiteLabel, cancellationToken);

    /// <param name="readWhiteLabel">
    /// Reads the white label of a username, once the token's form and freshness are checked: a user's call reads its
    /// caller's rows in the same statement (<see cref="SoapCallerReader"/>).
    /// </param>
    public async Task<Result<WhiteLabel>> AuthenticateAsync(UsernameToken? token, string? remoteAddress,
        Func<string, CancellationToken, Task<WhiteLabel?>> readWhiteLabel, CancellationToken cancellationToken)
    {
        if (token is null)
        {
            return Refuse(remoteAddress, SecurityErrors.WsseTokenMissing);
        }

        if (token.PasswordType != UsernameToken.PasswordDigestType)
        {
            return Refuse(remoteAddress, SecurityErrors.WssePasswordTypeNotDigest);
        }

        if (!TryDecodeNonce(token.Nonce, out var nonce) || token.Created is null
            || !DateTimeOffset.TryParse(token.Created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created))
        {
            return Refuse(remoteAddress, SecurityErrors.WsseNonceOrCreatedMissing);
        }

        var now = clock.GetUtcNow();
        var window = options.Value.WsseFreshness;
        if (created < now - window || created > now + window)
        {
            return Refuse(remoteAddress, SecurityErrors.WsseTokenStale(window));
        }

        var whiteLabel = await readWhiteLabel(token.Username, cancellationToken);
        var secret = whiteLabel is null ? SecretGenerator.New() : secrets.Unprotect(whiteLabel.WsseSecretProtected);
        var matchesCurrent = DigestMatches(token.Password, nonce, token.Created, secret);
        // During a rotation's grace the previous secret is accepted too; such calls are audited below.
        var previous = whiteLabel?.PreviousWsseSecretAt(now);
        var matchesPrevious = !matchesCurrent && previous is not null
            && DigestMatches(token.Password, nonce, token.Created, secrets.Unprotect(previous));
        if (!matchesCurrent && !matchesPrevious)
        {
            if (budget.TrySpend(remoteAddress) is { } wait)
            {
                return TooMany(wait);
            }

            audit.Record(token.Username, AuditEvents.WhiteLabelAuthenticationFailed, whiteLabel?.Id, token.Username,
                remoteAddress: remoteAddress, detail: whiteLabel is null ? "unknown username" : "wrong digest");
            await db.SaveChangesAsync(cancellationToken);
            return Result<WhiteLabel>.Failure(SecurityErrors.WhiteLabelRefused);
        }

        // Only an authenticated token reaches the nonce store, so strangers cannot fill it. The nonce is stored as its
        // octets (canonical Base64), so re-spelling a captured one (line breaks, other padding bits) is still a replay.
        // The ledger answers once the nonce is committed, grouped with those of concurrent requests.
        var fresh = await nonces.TryRecordAsync(whiteLabel!.Id, UsedNonce.Canonical(nonce), created + window + window, cancellationToken);
        if (!fresh)
        {
            if (budget.TrySpend(remoteAddress) is { } wait)
            {
                return TooMany(wait);
            }

            audit.Record(token.Username, AuditEvents.WhiteLabelAuthenticationFailed, whiteLabel.Id, token.Username,
                remoteAddress: remoteAddress, detail: "replayed nonce");
            await db.SaveChangesAsync(cancellationToken);
            return Result<WhiteLabel>.Failure(SecurityErrors.NonceReplayed);
        }

        if (matchesPrevious)
        {
            audit.Record(token.Username, AuditEvents.WhiteLabelPreviousSecretUsed, whiteLabel.Id, whiteLabel.Code,
                remoteAddress: remoteAddress, detail: "wsse");
            await db.SaveChangesAsync(cancellationToken);
        }

        // Only now, the credentials proven: a stranger learns nothing about the white label's state.
        return whiteLabel.Disabled ? Result<WhiteLabel>.Failure(WhiteLabelErrors.Disabled) : whiteLabel;
    }

    /// <summary>The digest of the profile, compared in constant time.</summary>
    public static bool DigestMatches(string presented, byte[] nonce, string created, string secret)
    {
        var expected = ComputeDigest(nonce, created, secret);
        var presentedBytes = Encoding.ASCII.GetBytes(presented);
        var expectedBytes = Encoding.ASCII.GetBytes(expected);
        return CryptographicOperations.FixedTimeEquals(presentedBytes, expectedBytes);
    }

    public static string ComputeDigest(byte[] nonce, string created, string secret)
    {
        var createdBytes = Encoding.UTF8.GetBytes(created);
        var secretBytes = Encoding.UTF8.GetBytes(secret);
        var input = new byte[nonce.Length + createdBytes.Length + secretBytes.Length];
        nonce.CopyTo(input, 0);
        createdBytes.CopyTo(input, nonce.Length);
        secretBytes.CopyTo(input, nonce.Length + createdBytes.Length);
#pragma warning disable CA5350 // SHA-1 is what the UsernameToken profile specifies; the secret is random and long.
        return Convert.ToBase64String(SHA1.HashData(input));
#pragma warning restore CA5350
    }

    /// <summary>Base64 (xs:base64Binary, whitespace allowed anywhere), 1 to 64 octets; anything else is no nonce.</summary>
    private static bool TryDecodeNonce(string? encoded, out byte[] nonce)
    {
        nonce = [];
        if (string.IsNullOrEmpty(encoded) || encoded.Length > MaxNonceText)
        {
            return false;
        }

        var buffer = new byte[MaxNonceBytes];
        if (!Convert.TryFromBase64String(encoded, buffer, out var written) || written == 0)
        {
            return false;
        }

        nonce = buffer[..written];
        return true;
    }

    /// <summary>A failure that writes nothing still spends the address's budget.</summary>
    private Result<WhiteLabel> Refuse(string? remoteAddress, Error error) =>
        budget.TrySpend(remoteAddress) is { } wait ? TooMany(wait) : Result<WhiteLabel>.Failure(error);

    private static Result<WhiteLabel> TooMany(TimeSpan wait) => Result<WhiteLabel>.Failure(SecurityErrors.TooManyFailedAuthentications(wait));
}
