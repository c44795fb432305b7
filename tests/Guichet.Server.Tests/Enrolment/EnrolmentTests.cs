using Guichet.Application.Enrolment;
using Guichet.Data;
using Guichet.Domain.Accounts;
using Guichet.Domain.Auditing;
using Guichet.Domain.Enrolment;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wire = Guichet.Server.Soap.Contract;

namespace Guichet.Server.Tests.Enrolment;

/// <summary>
/// The enrolment job is durable: a job set aside after a failure is tried again once its time comes, and no account is
/// enrolled twice.
/// </summary>
public abstract class EnrolmentTests(GuichetServer server) : IAsyncLifetime
{
    public Task InitializeAsync() => JobsSetAside.NoneLeftAsync(server);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task JobSetAside_IsDoneOnceItsLeaseEnds()
    {
        var tenant = await Tenant.CreateAsync(server);
        var account = await tenant.RegisterPrimaryAsync();
        // What a failed attempt leaves (or a crash, before 2026-12-07): the account in progress, the job set aside.
        await JobsSetAside.QueueAsync(server, account.Login, leasedUntil: DateTimeOffset.UtcNow.AddMinutes(-1));

        await tenant.WaitForStateAsync(account.Login, Wire.AccountState.REGISTERED);

        var accountId = await server.InDbAsync(db => db.Accounts.Where(a => a.Login == account.Login).Select(a => a.Id).SingleAsync());
        Assert.False(await server.InDbAsync(db => db.EnrolmentJobs.AnyAsync(j => j.AccountId == accountId)));
    }

    [Fact]
    public async Task JobSetAside_IsNotTakenBeforeItsLeaseEnds()
    {
        var tenant = await Tenant.CreateAsync(server);
        var account = await tenant.RegisterPrimaryAsync();
        await JobsSetAside.QueueAsync(server, account.Login, leasedUntil: DateTimeOffset.UtcNow.AddHours(1));

        await server.InScopeAsync(services => services.GetRequiredService<EnrolAccounts>().HandleAsync(CancellationToken.None));

        Assert.Equal(Wire.AccountState.REGISTRATION_IN_PROGRESS, (await tenant.Admin.GetAccountStateAsync(account.Login)).State);
    }

    [Fact]
    public async Task FailingJob_KeepsItsErrorAndIsRetried_OthersAreNotHeldUp()
    {
        var tenant = await Tenant.CreateAsync(server);
        var broken = await tenant.RegisterPrimaryAsync();
        var healthy = await tenant.RegisterPrimaryAsync();
        var brokenId = await server.InDbAsync(db => db.Accounts.Where(a => a.Login == broken.Login).Select(a => a.Id).SingleAsync());
        var stored = await server.InDbAsync(db => db.Accounts.Where(a => a.Id == brokenId).Select(a => a.Data).SingleAsync());
        var goodJson = System.Text.Json.JsonSerializer.Serialize<Domain.Accounts.AccountData>(stored!);
        // A file the enrolment cannot read, queued as ENROLL queues it: the job fails every time until it is repaired.
        await server.InDbAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync($"UPDATE accounts SET \"Data\" = '{{not json' WHERE \"Id\" = {brokenId}");
            await db.Accounts.Where(a => a.Id == brokenId)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.State, AccountState.REGISTRATION_IN_PROGRESS));
            db.EnrolmentJobs.Add(new EnrolmentJob { AccountId = brokenId, EnqueuedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        await tenant.EnrolAsync(healthy.Login);

        var job = await WaitForErrorAsync(brokenId);
        Assert.Contains("Json", job.LastError, StringComparison.OrdinalIgnoreCase);
        // Set aside for its lease (two minutes): not tried again at each poll meanwhile.
        Assert.Equal(1, job.Attempts);
        Assert.InRange(job.LeasedUntil!.Value, DateTimeOffset.UtcNow.AddMinutes(1), DateTimeOffset.UtcNow.AddMinutes(3));
        Assert.Equal(AccountState.REGISTRATION_IN_PROGRESS,
            await server.InDbAsync(db => db.Accounts.Where(a => a.Id == brokenId).Select(a => a.State).SingleAsync()));

        // Repaired, with its lease run out: the next run enrols it.
        await server.InDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE accounts SET \"Data\" = {goodJson} WHERE \"Id\" = {brokenId}"));
        await server.InDbAsync(db => db.EnrolmentJobs.Where(j => j.AccountId == brokenId)
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.LeasedUntil, DateTimeOffset.UtcNow.AddMinutes(-1))));
        await tenant.WaitForStateAsync(broken.Login, Wire.AccountState.REGISTERED);
    }

    [Fact]
    public async Task SecondaryWithoutItsPrimary_FailsItsJobRatherThanTakingTheWhiteLabelsPed()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisteredPrimaryAsync();
        var secondary = await tenant.RegisteredSecondaryAsync(primary);
        var ids = await server.InDbAsync(db => db.Accounts.Where(a => a.Login == primary.Login || a.Login == secondary.Login)
            .ToDictionaryAsync(a => a.Login, a => a.Id));
        // No constraint forbids a secondary without a primary; the worker reads the primary through a left join, where a
        // missing primary looks like a primary without a file.
        await server.InDbAsync(async db =>
        {
            await db.Accounts.Where(a => a.Id == ids[secondary.Login]).ExecuteUpdateAsync(set => set
                .SetProperty(a => a.PrimaryAccountId, (Guid?)null).SetProperty(a => a.State, AccountState.REGISTRATION_IN_PROGRESS));
            db.EnrolmentJobs.Add(new EnrolmentJob { AccountId = ids[secondary.Login], EnqueuedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });

        var job = await WaitForErrorAsync(ids[secondary.Login]);
        Assert.Contains("needs its primary", job.LastError, StringComparison.Ordinal);
        Assert.Equal(AccountState.REGISTRATION_IN_PROGRESS,
            await server.InDbAsync(db => db.Accounts.Where(a => a.Id == ids[secondary.Login]).Select(a => a.State).SingleAsync()));

        // Its primary back, with the job's lease run out: the next run enrols it.
        await server.InDbAsync(db => db.Accounts.Where(a => a.Id == ids[secondary.Login])
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.PrimaryAccountId, ids[primary.Login])));
        await server.InDbAsync(db => db.EnrolmentJobs.Where(j => j.AccountId == ids[secondary.Login])
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.LeasedUntil, DateTimeOffset.UtcNow.AddMinutes(-1))));
        await tenant.WaitForStateAsync(secondary.Login, Wire.AccountState.REGISTERED);
    }

    [Fact]
    public async Task AccountChangedBetweenTheWorkersReadAndItsWrite_IsEnrolledFromItsNewState()
    {
        var tenant = await Tenant.CreateAsync(server);
        var account = await tenant.RegisterPrimaryAsync();
        // Set aside for a minute, so that the server's own worker leaves it to this test's runs, whose clock is a minute
        // later.
        await JobsSetAside.QueueAsync(server, account.Login, leasedUntil: DateTimeOffset.UtcNow.AddMinutes(1));
        var clock = new ChangingClock(DateTimeOffset.UtcNow.AddMinutes(2), () => server.InDbAsync(db => db.Accounts
            .Where(a => a.Login == account.Login)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.WantsMailbox, false).SetProperty(a => a.Version, Guid.NewGuid()))));

        await server.InScopeAsync(services => ActivatorUtilities.CreateInstance<EnrolAccounts>(services, clock).HandleAsync(CancellationToken.None));

        // The run read the account before the change and wrote nothing after it: the job waits for the next run.
        Assert.True(clock.Changed);
        Assert.Equal(Wire.AccountState.REGISTRATION_IN_PROGRESS, (await tenant.Admin.GetAccountStateAsync(account.Login)).State);
        await server.InScopeAsync(services => ActivatorUtilities.CreateInstance<EnrolAccounts>(services, clock).HandleAsync(CancellationToken.None));
        var enrolled = await server.InDbAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.Login == account.Login));
        Assert.Equal((AccountState.REGISTERED, null), (enrolled.State, enrolled.Mailbox));
    }

    [Fact]
    public async Task RunThroughSeveralJobs_KeepsNoneOfThemTracked()
    {
        var logins = await JobsSetAside.RegisterForAMinuteAsync(server, 3);

        var clock = new ChangingClock(DateTimeOffset.UtcNow.AddMinutes(2), () => Task.FromResult(0));
        var (enrolled, tracked) = await server.InScopeAsync(async services =>
        {
            var enrolledNow = await ActivatorUtilities.CreateInstance<EnrolAccounts>(services, clock).HandleAsync(CancellationToken.None);
            return (enrolledNow, services.GetRequiredService<GuichetDbContext>().ChangeTracker.Entries().Count());
        });

        Assert.Equal((3, 0), (enrolled, tracked));
        Assert.Equal(3, await server.InDbAsync(db => db.Accounts.CountAsync(a => logins.Contains(a.Login) && a.State == AccountState.REGISTERED)));
    }

    [Fact]
    public async Task JobsDoneTogether_OneFailing_TheOthersAreEnrolledAndItIsSetAsideAlone()
    {
        var logins = await JobsSetAside.RegisterForAMinuteAsync(server, 3);

        var brokenId = await server.InDbAsync(db => db.Accounts.Where(a => a.Login == logins[1]).Select(a => a.Id).SingleAsync());
        await server.InDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE accounts SET \"Data\" = '{{not json' WHERE \"Id\" = {brokenId}"));
        var clock = new ChangingClock(DateTimeOffset.UtcNow.AddMinutes(2), () => Task.FromResult(0));

        var enrolled = await server.InScopeAsync(services =>
            ActivatorUtilities.CreateInstance<EnrolAccounts>(services, clock).HandleAsync(CancellationToken.None));

        // Read together, the broken file failed the batch; done alone, the two others were enrolled and it was set aside.
        Assert.Equal(2, enrolled);
        var states = await server.InDbAsync(db => db.Accounts.Where(a => logins.Contains(a.Login))
            .Select(a => new { a.Login, a.State }).ToDictionaryAsync(a => a.Login, a => a.State));
        Assert.Equal([AccountState.REGISTERED, AccountState.REGISTRATION_IN_PROGRESS, AccountState.REGISTERED], logins.Select(l => states[l]));
        var job = await server.InDbAsync(db => db.EnrolmentJobs.AsNoTracking().SingleAsync(j => j.AccountId == brokenId));
        Assert.Contains("Json", job.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, job.Attempts);
    }

    /// <summary>
    /// A clock at a fixed time that changes the store once, when read the second time: by the worker between its read of
    /// the account and its transaction (the first read lists the jobs).
    /// </summary>
    private sealed class ChangingClock(DateTimeOffset now, Func<Task<int>> change) : TimeProvider
    {
        private int _reads;

        public bool Changed { get; private set; }

        public override DateTimeOffset GetUtcNow()
        {
            if (Interlocked.Increment(ref _reads) == 2)
            {
                // On a thread of the pool: the test's context must not wait for itself.
                Task.Run(change).GetAwaiter().GetResult();
                Changed = true;
            }

            return now;
        }
    }

    private async Task<EnrolmentJob> WaitForErrorAsync(Guid accountId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var job = await server.InDbAsync(db => db.EnrolmentJobs.AsNoTracking().SingleAsync(j => j.AccountId == accountId));
            if (job.LastError is not null)
            {
                return job;
            }

            Assert.True(DateTime.UtcNow < deadline, "The failing job recorded no error.");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task ConcurrentRunners_EnrolAnAccountExactlyOnce()
    {
        var tenant = await Tenant.CreateAsync(server);
        var account = await tenant.RegisterPrimaryAsync();
        await tenant.Admin.ChangeAccountStatusAsync(account.Login, Wire.AccountAction.VALIDATE);
        await tenant.Admin.ChangeAccountStatusAsync(account.Login, Wire.AccountAction.ENROLL);

        // The server's own worker races with these four runners.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            server.InScopeAsync(services => services.GetRequiredService<EnrolAccounts>().HandleAsync(CancellationToken.None))));
        await tenant.WaitForStateAsync(account.Login, Wire.AccountState.REGISTERED);

        var completions = await server.InDbAsync(db => db.AuditEntries.CountAsync(e =>
            e.Subject == account.Login && e.Event == AuditEvents.AccountStateChanged && e.ToValue == nameof(AccountState.REGISTERED)));
        Assert.Equal(1, completions);
    }
}

public sealed class EnrolmentTestsOnSqlite(SqliteServerFixture server) : EnrolmentTests(server), IClassFixture<SqliteServerFixture>;

public sealed class EnrolmentTestsOnPostgres(PostgresServerFixture server) : EnrolmentTests(server), IClassFixture<PostgresServerFixture>;
