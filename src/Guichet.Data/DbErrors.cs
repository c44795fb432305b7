using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Guichet.Data;

public static class DbErrors
{
    /// <summary>True when the save failed on a unique constraint, on either provider.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>
    /// True when the save failed on the unique index of <paramref name="column"/> in <paramref name="table"/> (EF Core's
    /// index name, <c>IX_table_column</c>, on PostgreSQL; SQLite names the columns in its message).
    /// </summary>
    public static bool IsUniqueViolationOn(DbUpdateException exception, string table, string column) =>
        IsUniqueViolation(exception) && exception.InnerException switch
        {
            SqliteException sqlite => sqlite.Message.Contains($"UNIQUE constraint failed: {table}.{column}'", StringComparison.Ordinal),
            PostgresException postgres => postgres.ConstraintName == $"IX_{table}_{column}",
            _ => false,
        };

    /// <summary>
    /// True when PostgreSQL refused to commit a serializable transaction that conflicted with another (SQLSTATE 40001),
    /// whether it surfaced from a save (wrapped) or from the commit itself.
    /// </summary>
    public static bool IsSerializationFailure(Exception exception) =>
        exception.AndItsCauses().Any(cause => cause is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure });

    /// <summary>
    /// True when the store says the work may succeed if done again (a deadlock, a serialization failure, a dropped
    /// connection: <see cref="DbException.IsTransient"/>), at any depth of EF Core's wrapping.
    /// </summary>
    public static bool IsTransient(Exception exception) =>
        exception.AndItsCauses().Any(cause => cause is DbException { IsTransient: true });

    /// <summary>
    /// Saves; false when a concurrent change made the save fail — a unique index, a concurrency token, or a serializable
    /// transaction that lost — after which nothing of it was written and the tracker is cleared for the page's reload.
    /// </summary>
    public static async Task<bool> TrySaveChangesAsync(this DbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception)
            when (exception is DbUpdateConcurrencyException || IsUniqueViolation(exception) || IsSerializationFailure(exception))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
