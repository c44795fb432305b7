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
public sealed class PurgeExpiredSecurityRecords(
    GuichetDbContext db, INonceStore nonceStore, PurgeBatches batches, TimeProvider clock, IOptions<SecurityOptions> options)
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

    /// <summary>
    /// Purges in batches (<see cref="PurgeBatches"/>), each ordered by an index: the column it filters on where one has
    /// it, else the key, so that a batch stops at its last row rather than scanning and sorting the table each time.
    /// </summary>
    public async Task<int> HandleAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var forgetBefore = now - ThrottleMemory;
        var keepFailuresFrom = now - options.Value.AuthenticationFailureRetention;
        var sessionsFrom = now - PersonSession.MaxLifetime;
        var linksBefore = now - LinkMemory;
        var nonces = await batches.UntilDoneAsync(size => nonceStore.UsedNonces.Where(n => n.ExpiresAt < now)
            .OrderBy(n => n.ExpiresAt).Take(size).ExecuteDeleteAsync(cancellationToken), cancellationToken);
        var throttles = await batches.UntilDoneAsync(size => db.LoginThrottles.Where(t => t.BlockedUntil < forgetBefore)
            .OrderBy(t => t.Login).Take(size).ExecuteDeleteAsync(cancellationToken), cancellationToken);
        var receipts = await batches.UntilDoneAsync(size => db.Accounts.Where(a => a.ReceiptExpiresAt < now)
            .OrderBy(a => a.ReceiptExpiresAt).Take(size).ExecuteUpdateAsync(set => set
                .SetProperty(a => a.ReceiptPasswordProtected, (string?)null)
                .SetProperty(a => a.ReceiptRequestHash, (string?)null)
                .SetProperty(a => a.ReceiptExpiresAt, (DateTimeOffset?)null), cancellationToken), cancellationToken);
        var failures = await batches.UntilDoneAsync(size => db.AuditEntries
            .Where(e => e.At < keepFailuresFrom && s_causedByAnyone.Contains(e.Event))
            .OrderBy(e => e.At).Take(size).ExecuteDeleteAsync(cancellationToken), cancellationToken);
        var sessions = await batches.UntilDoneAsync(size => db.PersonSessions.Where(s => s.StartedAt < sessionsFrom)
            .OrderBy(s => s.Id).Take(size).ExecuteDeleteAsync(cancellationToken), cancellationToken);
        var links = await batches.UntilDoneAsync(size => db.PersonTokens.Where(t => t.ExpiresAt < linksBefore)
            .OrderBy(t => t.Id).Take(size).ExecuteDeleteAsync(cancellationToken), cancellationToken);
        return nonces + throttles + receipts + failures + sessions + links;
    }
}
