using Guichet.Application.Security;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Guichet.Application.Maintenance;

/// <summary>
/// Deletes security records that can no longer matter: nonces past their expiry (a token that old is refused as
/// stale before its nonce is looked at), throttles of logins nobody has tried for a day, registration answers kept
/// for retries past their lifetime (the encrypted password is erased), and audit entries of failed authentications
/// and of anonymous link requests older than <see cref="SecurityOptions.AuthenticationFailureRetention"/> (anyone can
/// cause them), people's sessions started longer ago than any session may last (<see cref="PersonSession.MaxLifetime"/>),
/// and people's email links expired for <see cref="LinkMemory"/> (until then a used link still says "déjà validé").
/// </summary>
public sealed class PurgeExpiredSecurityRecords(GuichetDbContext db, INonceStore nonceStore, TimeProvider clock, IOptions<SecurityOptions> options)
{
    /// <summary>A login's failure count is forgotten after this long without attempts.</summary>
    public static readonly TimeSpan ThrottleMemory = TimeSpan.FromDays(1);

    /// <summary>An email link (or a notice counted in the hourly cap) is forgotten this long after it expired.</summary>
    public static readonly TimeSpan LinkMemory = TimeSpan.FromDays(30);

    private static readonly string[] s_causedByAnyone =
    [
        AuditEvents.WhiteLabelAuthenticationFailed, AuditEvents.UserAuthenticationFailed, AuditEvents.PersonPasswordResetRequested,
        AuditEvents.PersonValidationEmailRequested, AuditEvents.PersonSignUpOnValidatedAddress,
    ];

    public async Task<int> HandleAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var forgetBefore = now - ThrottleMemory;
        var keepFailuresFrom = now - options.Value.AuthenticationFailureRetention;
        var nonces = await nonceStore.UsedNonces.Where(n => n.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        var throttles = await db.LoginThrottles.Where(t => t.BlockedUntil < forgetBefore).ExecuteDeleteAsync(cancellationToken);
        var receipts = await db.Accounts.Where(a => a.ReceiptExpiresAt < now).ExecuteUpdateAsync(set => set
            .SetProperty(a => a.ReceiptPasswordProtected, (string?)null)
            .SetProperty(a => a.ReceiptRequestHash, (string?)null)
            .SetProperty(a => a.ReceiptExpiresAt, (DateTimeOffset?)null), cancellationToken);
        var failures = await db.AuditEntries
            .Where(e => e.At < keepFailuresFrom && s_causedByAnyone.Contains(e.Event))
            .ExecuteDeleteAsync(cancellationToken);
        var sessionsFrom = now - PersonSession.MaxLifetime;
        var sessions = await db.PersonSessions.Where(s => s.StartedAt < sessionsFrom).ExecuteDeleteAsync(cancellationToken);
        var linksBefore = now - LinkMemory;
        var links = await db.PersonTokens.Where(t => t.ExpiresAt < linksBefore).ExecuteDeleteAsync(cancellationToken);
        return nonces + throttles + receipts + failures + sessions + links;
    }
}
