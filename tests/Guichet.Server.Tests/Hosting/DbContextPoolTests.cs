using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Server.Tests.Hosting;

/// <summary>
/// The server's contexts come from a pool (PersistenceServiceCollectionExtensions): a request gets a context another
/// request used before, and must find none of what that request did to it.
/// </summary>
public abstract class DbContextPoolTests(GuichetServer server)
{
    [Fact]
    public async Task ContextOfAnEndedScope_ServesALaterScope_WithNothingOfTheFormerScope()
    {
        var saves = 0;
        var subject = "pool" + Guid.NewGuid().ToString("N")[..10];
        GuichetDbContext used;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            used = scope.ServiceProvider.GetRequiredService<GuichetDbContext>();
            // What a request may leave on its context: an event handler (MailOutbox subscribes one), tracking options,
            // a command timeout, a tracked entity never saved, an open connection.
            used.SavedChanges += (_, _) => Interlocked.Increment(ref saves);
            used.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
            used.ChangeTracker.AutoDetectChangesEnabled = false;
            used.Database.SetCommandTimeout(1);
            used.AuditEntries.Add(Entry(subject, "never saved"));
            await used.Database.OpenConnectionAsync();
        }

        // The pool hands contexts out in the order they came back; the server's workers take some meanwhile.
        var scopes = new List<AsyncServiceScope>();
        try
        {
            GuichetDbContext? again = null;
            for (var i = 0; i < 64 && again is null; i++)
            {
                var scope = server.Services.CreateAsyncScope();
                scopes.Add(scope);
                var context = scope.ServiceProvider.GetRequiredService<GuichetDbContext>();
                again = ReferenceEquals(context, used) ? context : null;
            }

            Assert.NotNull(again);
            Assert.Empty(again.ChangeTracker.Entries());
            Assert.Equal(QueryTrackingBehavior.TrackAll, again.ChangeTracker.QueryTrackingBehavior);
            Assert.True(again.ChangeTracker.AutoDetectChangesEnabled);
            Assert.Null(again.Database.GetCommandTimeout());
            Assert.Equal(System.Data.ConnectionState.Closed, again.Database.GetDbConnection().State);

            again.AuditEntries.Add(Entry(subject, "saved"));
            await again.SaveChangesAsync();
            Assert.Equal(0, saves);
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }

        var details = await server.InDbAsync(db => db.AuditEntries.Where(e => e.Subject == subject).Select(e => e.Detail).ToListAsync());
        Assert.Equal(["saved"], details);
    }

    private static AuditEntry Entry(string subject, string detail) =>
        new() { Actor = "test", Event = AuditEvents.AccountModified, Subject = subject, Detail = detail, At = DateTimeOffset.UtcNow };
}

public sealed class DbContextPoolTestsOnSqlite(SqliteServerFixture server) : DbContextPoolTests(server), IClassFixture<SqliteServerFixture>;

public sealed class DbContextPoolTestsOnPostgres(PostgresServerFixture server) : DbContextPoolTests(server), IClassFixture<PostgresServerFixture>;
