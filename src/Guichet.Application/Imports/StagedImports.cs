using System.Data;
using Guichet.Application.Accounts;
using Guichet.Data;
using Guichet.Domain.Common;
using Guichet.Domain.Imports;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Imports;

/// <summary>
/// The steps every back-office import shares around its own file and changes: keep a checked upload for an hour
/// (<see cref="StagedImport"/>), find it again for its uploader only and for its own kind only, and apply it once, all
/// or nothing, in one serializable transaction that removes the upload with it.
/// </summary>
public sealed class StagedImports(GuichetDbContext db, TimeProvider clock)
{
    /// <summary>Keeps a checked file for its preview; older uploads past their hour are purged on the way.</summary>
    public async Task<Guid> StageAsync(StagedImportKind kind, string fileName, string text, StaffCaller actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.StagedImports.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        var name = Path.GetFileName(fileName);
        var staged = db.StagedImports.Add(new StagedImport
        {
            Kind = kind,
            Text = text,
            FileName = name.Length > StagedImport.MaxFileNameLength ? name[..StagedImport.MaxFileNameLength] : name,
            StagedBy = actor.AuditName,
            StagedAt = now,
            ExpiresAt = now + StagedImport.Lifetime,
        }).Entity;
        await db.SaveChangesAsync(cancellationToken);
        return staged.Id;
    }

    /// <summary>An upload of this kind, for the staff member who uploaded it only, within its hour.</summary>
    public async Task<Result<StagedImport>> FindAsync(StagedImportKind kind, Guid id, StaffCaller actor, bool tracked,
        CancellationToken cancellationToken)
    {
        var query = db.StagedImports.Where(s => s.Id == id && s.Kind == kind && s.StagedBy == actor.AuditName);
        var staged = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(cancellationToken);
        if (staged is null)
        {
            return ImportErrors.StagedImportNotFound;
        }

        return staged.IsExpired(clock.GetUtcNow()) ? ImportErrors.StagedImportExpired : staged;
    }

    /// <summary>
    /// Runs <paramref name="apply"/> (which reads what it changes and stages its changes and audit lines, saving nothing)
    /// in one serializable transaction, removes <paramref name="staged"/> (tracked; null for the operator's command) in the
    /// same transaction, so that an upload is applied once, then saves and commits. A failure of <paramref name="apply"/>
    /// writes nothing; so does a concurrent change (a version, a unique SIRET or SIREN, a serialization failure, the
    /// upload applied by another click), which fails the whole import with <paramref name="changedMeanwhile"/>.
    /// </summary>
    public async Task<Result<T>> ApplyAsync<T>(StagedImport? staged, Func<Task<Result<T>>> apply, Error changedMeanwhile,
        CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            var result = await apply();
            if (!result.Succeeded)
            {
                db.ChangeTracker.Clear();
                return result;
            }

            if (staged is not null)
            {
                db.StagedImports.Remove(staged);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (Exception exception) when (exception is DbUpdateConcurrencyException || DbErrors.IsSerializationFailure(exception)
            || (exception is DbUpdateException update && DbErrors.IsUniqueViolation(update)))
        {
            db.ChangeTracker.Clear();
            return Result<T>.Failure(changedMeanwhile);
        }
    }
}
