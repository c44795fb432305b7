using Guichet.Data;
using Guichet.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.WhiteLabels;

/// <summary>Saving a white label without losing a concurrent change: the version token or a unique index becomes an error.</summary>
internal static class WhiteLabelStore
{
    public static async Task<Error?> SaveWhiteLabelAsync(this GuichetDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return WhiteLabelErrors.ChangedMeanwhile;
        }
        catch (DbUpdateException exception) when (DbErrors.IsUniqueViolation(exception))
        {
            db.ChangeTracker.Clear();
            return WhiteLabelErrors.AlreadyExists("Code");
        }
    }
}
