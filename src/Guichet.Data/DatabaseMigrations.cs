using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Guichet.Data;

public static class DatabaseMigrations
{
    /// <summary>
    /// Migrates only when a migration is pending: MigrateAsync also builds the last migration's model to compare it with
    /// the code's, which cost every start 0.3 s and left 5 MB resident (bench/README.md, "Memory and the runtime's
    /// settings"). That comparison is the test script's (has-pending-model-changes); instances starting together still
    /// migrate once (MigrateAsync's lock).
    /// </summary>
    public static async Task MigrateIfPendingAsync(this DatabaseFacade database, CancellationToken cancellationToken)
    {
        if ((await database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await database.MigrateAsync(cancellationToken);
        }
    }
}
