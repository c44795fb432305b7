using Guichet.Application.Maintenance;
using Guichet.Domain.Security;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Server.Tests.Operations;

public abstract class MaintenanceTests(GuichetServer server)
{
    [Fact]
    public async Task Purge_RemovesExpiredNoncesAndForgottenThrottles_KeepsLiveOnes()
    {
        var tenant = await server.SharedTenantAsync();
        var id = tenant.Credentials.WhiteLabel.Id;
        var now = server.Clock.GetUtcNow();
        var tag = SampleFiles.UniqueName("n");
        await server.InDbAsync(db =>
        {
            db.UsedNonces.Add(new UsedNonce { WhiteLabelId = id, Nonce = tag + "old", ExpiresAt = now.AddMinutes(-1) });
            db.UsedNonces.Add(new UsedNonce { WhiteLabelId = id, Nonce = tag + "live", ExpiresAt = now.AddMinutes(5) });
            db.LoginThrottles.Add(new LoginThrottle { Login = tag + "old", Failures = 3, BlockedUntil = now.AddDays(-2) });
            db.LoginThrottles.Add(new LoginThrottle { Login = tag + "live", Failures = 3, BlockedUntil = now.AddHours(-1) });
            return db.SaveChangesAsync();
        });

        await server.InScopeAsync(services => services.GetRequiredService<PurgeExpiredSecurityRecords>().RunAsync(CancellationToken.None));

        var nonces = await server.InDbAsync(db => db.UsedNonces.Where(n => n.Nonce.StartsWith(tag)).Select(n => n.Nonce).ToListAsync());
        var throttles = await server.InDbAsync(db => db.LoginThrottles.Where(t => t.Login.StartsWith(tag)).Select(t => t.Login).ToListAsync());
        Assert.Equal([tag + "live"], nonces);
        Assert.Equal([tag + "live"], throttles);
    }
}

public sealed class MaintenanceTestsOnSqlite(SqliteServerFixture server) : MaintenanceTests(server), IClassFixture<SqliteServerFixture>;

public sealed class MaintenanceTestsOnPostgres(PostgresServerFixture server) : MaintenanceTests(server), IClassFixture<PostgresServerFixture>;
