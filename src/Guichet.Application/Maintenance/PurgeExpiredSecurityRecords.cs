using Guichet.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Maintenance;

/// <summary>
/// Deletes security records that can no longer matter: nonces past their expiry (a token that old is refused as
/// stale before its nonce is looked at), throttles of logins nobody has tried for a day, and registration answers kept
/// for retries past their lifetime (the encrypted password is erased).
/// </summary>
public sealed class PurgeExpiredSecurityRecords(GuichetDbContext db, TimeProvider clock)
{
    /// <summary>A login's failure count is forgotten after this long without attempts.</summary>
    public static readonly TimeSpan ThrottleMemory = TimeSpan.FromDays(1);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var forgetBefore = now - ThrottleMemory;
        var nonces = await db.UsedNonces.Where(n => n.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        var throttles = await db.LoginThrottles.Where(t => t.BlockedUntil < forgetBefore).ExecuteDeleteAsync(cancellationToken);
        var receipts = await db.Accounts.Where(a => a.ReceiptExpiresAt < now).ExecuteUpdateAsync(set => set
            .SetProperty(a => a.ReceiptPasswordProtected, (string?)null)
            .SetProperty(a => a.ReceiptRequestHash, (string?)null)
            .SetProperty(a => a.ReceiptExpiresAt, (DateTimeOffset?)null), cancellationToken);
        return nonces + throttles + receipts;
    }
}
