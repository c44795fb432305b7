using Guichet.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Data;

/// <summary>
/// On start, on SQLite: creates or migrates the nonce file (<see cref="NonceFileDbContext"/>), then moves into it the
/// nonces that a version before it kept in the store, so that none of them can be replayed across the upgrade. Nothing
/// to do on PostgreSQL, whose nonces stay in the store.
/// </summary>
public static class NonceFileMigration
{
    public static async Task MigrateAsync(GuichetDbContext store, INonceStore nonces, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (nonces is not NonceFileDbContext file)
        {
            return;
        }

        await file.Database.MigrateIfPendingAsync(cancellationToken);
        // After the first start on this version the store holds none: one read, no write.
        if (!await store.UsedNonces.AnyAsync(cancellationToken))
        {
            return;
        }

        var live = await store.UsedNonces.AsNoTracking().Where(n => n.ExpiresAt >= now).ToListAsync(cancellationToken);
        if (live.Count > 0)
        {
            // Copied, then deleted: a start stopped in between copies again what the file does not hold yet.
            var held = (await file.UsedNonces.AsNoTracking().Where(n => n.ExpiresAt >= now)
                .Select(n => new { n.WhiteLabelId, n.Nonce }).ToListAsync(cancellationToken))
                .Select(n => (n.WhiteLabelId, n.Nonce)).ToHashSet();
            file.UsedNonces.AddRange(live.Where(n => !held.Contains((n.WhiteLabelId, n.Nonce)))
                .Select(n => new UsedNonce { WhiteLabelId = n.WhiteLabelId, Nonce = n.Nonce, ExpiresAt = n.ExpiresAt }));
            await file.SaveChangesAsync(cancellationToken);
        }

        await store.UsedNonces.ExecuteDeleteAsync(cancellationToken);
    }
}
