using Guichet.Application.Maintenance;
using Guichet.Domain.Auditing;
using Guichet.Domain.People;
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
        await server.AddNoncesAsync(id, (tag + "old", now.AddMinutes(-1)), (tag + "live", now.AddMinutes(5)));
        await server.InDbAsync(db =>
        {
            db.LoginThrottles.Add(new LoginThrottle { Login = tag + "old", Failures = 3, BlockedUntil = now.AddDays(-2) });
            db.LoginThrottles.Add(new LoginThrottle { Login = tag + "live", Failures = 3, BlockedUntil = now.AddHours(-1) });
            return db.SaveChangesAsync();
        });

        await server.InScopeAsync(services => services.GetRequiredService<PurgeExpiredSecurityRecords>().HandleAsync(CancellationToken.None));

        var nonces = await server.InNoncesAsync(db => db.UsedNonces.Where(n => n.Nonce.StartsWith(tag)).Select(n => n.Nonce).ToListAsync());
        var throttles = await server.InDbAsync(db => db.LoginThrottles.Where(t => t.Login.StartsWith(tag)).Select(t => t.Login).ToListAsync());
        Assert.Equal([tag + "live"], nonces);
        Assert.Equal([tag + "live"], throttles);
    }

    [Fact]
    public async Task Purge_InBatchesSmallerThanWhatExpired_RemovesEveryExpiredNonceAndReceipt()
    {
        var tenant = await server.SharedTenantAsync();
        var id = tenant.Credentials.WhiteLabel.Id;
        var now = server.Clock.GetUtcNow();
        var tag = SampleFiles.UniqueName("b");
        var expired = Enumerable.Range(0, 25).Select(i => ($"{tag}old{i}", now.AddMinutes(-1 - i)));
        await server.AddNoncesAsync(id, [.. expired, (tag + "live", now.AddMinutes(5))]);
        var receipts = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            receipts.Add((await tenant.RegisterPrimaryAsync(SampleFiles.Primary())).Login);
        }

        await server.InDbAsync(db => db.Accounts.Where(a => receipts.Contains(a.Login))
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.ReceiptExpiresAt, now.AddMinutes(-1))));

        // Batches of 10: the 25 nonces take at least three statements (other tests leave expired ones too), the 12 receipts two or more.
        var batches = new PurgeBatches(TimeProvider.System) { Size = 10, RestingWindow = TimeSpan.Zero };
        var purged = await server.InScopeAsync(services => ActivatorUtilities
            .CreateInstance<PurgeExpiredSecurityRecords>(services, batches).HandleAsync(CancellationToken.None));

        var nonces = await server.InNoncesAsync(db => db.UsedNonces.Where(n => n.Nonce.StartsWith(tag)).Select(n => n.Nonce).ToListAsync());
        Assert.Equal([tag + "live"], nonces);
        Assert.Equal(0, await server.InDbAsync(db => db.Accounts.CountAsync(a => receipts.Contains(a.Login) && a.ReceiptPasswordProtected != null)));
        Assert.True(purged >= 25 + 12, $"purged {purged}");
    }

    [Fact]
    public async Task Purge_RemovesPersonSessionsOlderThanAnySessionMayLast_KeepsLiveOnes()
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        var now = server.Clock.GetUtcNow();
        var (old, live) = (Guid.NewGuid(), Guid.NewGuid());
        await server.InDbAsync(db =>
        {
            var tooOld = now - PersonSession.MaxLifetime - TimeSpan.FromMinutes(1);
            db.PersonSessions.Add(new PersonSession { Id = old, PersonId = person.Id, StartedAt = tooOld });
            db.PersonSessions.Add(new PersonSession { Id = live, PersonId = person.Id, StartedAt = now - TimeSpan.FromHours(11) });
            return db.SaveChangesAsync();
        });

        await server.InScopeAsync(services => services.GetRequiredService<PurgeExpiredSecurityRecords>().HandleAsync(CancellationToken.None));

        Assert.Equal([live], await server.InDbAsync(db => db.PersonSessions.Where(s => s.PersonId == person.Id).Select(s => s.Id).ToListAsync()));
    }

    [Fact]
    public async Task Purge_RemovesEmailLinksLongExpired_KeepsRecentOnes()
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        var now = server.Clock.GetUtcNow();
        await server.InDbAsync(db =>
        {
            foreach (var (hash, expired) in new[] { ("vieux", PurgeExpiredSecurityRecords.LinkMemory + TimeSpan.FromHours(1)),
                ("recent", PurgeExpiredSecurityRecords.LinkMemory - TimeSpan.FromHours(1)) })
            {
                db.PersonTokens.Add(new PersonToken
                {
                    PersonId = person.Id,
                    Purpose = TokenPurpose.PasswordReset,
                    TokenHash = hash + Guid.NewGuid().ToString("N"),
                    CreatedAt = now - expired - TimeSpan.FromHours(1),
                    ExpiresAt = now - expired,
                });
            }

            return db.SaveChangesAsync();
        });

        await server.InScopeAsync(services => services.GetRequiredService<PurgeExpiredSecurityRecords>().HandleAsync(CancellationToken.None));

        var kept = await server.InDbAsync(db => db.PersonTokens.Where(t => t.PersonId == person.Id && t.Purpose == TokenPurpose.PasswordReset)
            .Select(t => t.TokenHash).ToListAsync());
        Assert.StartsWith("recent", Assert.Single(kept), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Purge_RemovesAuthenticationFailuresPastTheRetention_KeepsRecentOnesAndOtherEvents()
    {
        var now = server.Clock.GetUtcNow();
        var tag = SampleFiles.UniqueName("a");
        await server.InDbAsync(db =>
        {
            db.AuditEntries.Add(new AuditEntry
            {
                At = now.AddDays(-366),
                Actor = tag,
                Event = AuditEvents.WhiteLabelAuthenticationFailed,
                Subject = tag + "old-wsse",
            });
            db.AuditEntries.Add(new AuditEntry
            {
                At = now.AddDays(-366),
                Actor = tag,
                Event = AuditEvents.UserAuthenticationFailed,
                Subject = tag + "old-user",
            });
            db.AuditEntries.Add(new AuditEntry
            {
                At = now.AddDays(-364),
                Actor = tag,
                Event = AuditEvents.UserAuthenticationFailed,
                Subject = tag + "recent-user",
            });
            db.AuditEntries.Add(new AuditEntry
            {
                At = now.AddDays(-366),
                Actor = tag,
                Event = AuditEvents.PersonPasswordResetRequested,
                Subject = tag + "old-reset-request",
            });
            db.AuditEntries.Add(new AuditEntry
            {
                At = now.AddDays(-800),
                Actor = tag,
                Event = AuditEvents.AccountRegistered,
                Subject = tag + "old-registration",
            });
            return db.SaveChangesAsync();
        });

        await server.InScopeAsync(services => services.GetRequiredService<PurgeExpiredSecurityRecords>().HandleAsync(CancellationToken.None));

        var kept = await server.InDbAsync(db => db.AuditEntries.Where(e => e.Actor == tag).Select(e => e.Subject!).OrderBy(s => s).ToListAsync());
        Assert.Equal([tag + "old-registration", tag + "recent-user"], kept);
    }
}

public sealed class MaintenanceTestsOnSqlite(SqliteServerFixture server) : MaintenanceTests(server), IClassFixture<SqliteServerFixture>;

public sealed class MaintenanceTestsOnPostgres(PostgresServerFixture server) : MaintenanceTests(server), IClassFixture<PostgresServerFixture>;
