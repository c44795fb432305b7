using System.Data.Common;
using Guichet.Application.Auditing;
using Guichet.Application.Enrolment;
using Guichet.Data;
using Guichet.Domain.Accounts;
using Guichet.Domain.Auditing;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Guichet.Server.Tests.Enrolment;

/// <summary>
/// Enrolment runs on PostgreSQL, whose rows are locked one by one, so that two transactions can deadlock (SQLite lets
/// one writer in at a time). Each run here has a context of its own, with an interceptor on its commands, and a clock
/// two minutes on (<see cref="JobsSetAside"/>).
/// </summary>
public sealed class EnrolmentDeadlockTests(PostgresServerFixture server) : IClassFixture<PostgresServerFixture>, IAsyncLifetime
{
    private const string AccountUpdate = "UPDATE accounts";

    public Task InitializeAsync() => JobsSetAside.NoneLeftAsync(server);

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// Each run is held inside its transaction, holding its first account, until the other holds its own. Taken in the
    /// runs' own random orders, the two first accounts differ 7 times in 8 and the runs then deadlock; over three rounds,
    /// runs that do not take their accounts in one order fail this test 511 times in 512.
    /// </summary>
    [Fact]
    public async Task TwoRunsMeetingInsideTheirTransactions_WaitForEachOther_AndEnrolEachAccountOnce()
    {
        for (var round = 0; round < 3; round++)
        {
            var logins = await JobsSetAside.RegisterForAMinuteAsync(server, 8);
            var log = new CapturedLog();
            var rendezvous = new Rendezvous();

            var enrolled = await Task.WhenAll(
                Task.Run(() => RunAsync(rendezvous.ForRun(0), TwoMinutesOn(), log)),
                Task.Run(() => RunAsync(rendezvous.ForRun(1), TwoMinutesOn(), log)));

            Assert.True(rendezvous.Met, "The two runs did not both hold an account at once.");
            Assert.Empty(log.Lines.Where(line => line.Level >= LogLevel.Warning).Select(line => line.Message));
            Assert.Equal(8, enrolled.Sum());
            var ids = await server.InDbAsync(db => db.Accounts.Where(a => logins.Contains(a.Login) && a.State == AccountState.REGISTERED)
                .Select(a => a.Id).ToListAsync());
            Assert.Equal(8, ids.Count);
            Assert.False(await server.InDbAsync(db => db.EnrolmentJobs.AnyAsync(j => ids.Contains(j.AccountId))));
            Assert.Equal(8, await server.InDbAsync(db => db.AuditEntries.CountAsync(e =>
                logins.Contains(e.Subject!) && e.Event == AuditEvents.AccountStateChanged && e.ToValue == nameof(AccountState.REGISTERED))));
        }
    }

    [Fact]
    public async Task JobFailingOnADeadlock_IsTriedAgainAtTheNextPoll_NotAfterTheLease()
    {
        var login = (await JobsSetAside.RegisterForAMinuteAsync(server, 1)).Single();
        var accountId = await server.InDbAsync(db => db.Accounts.Where(a => a.Login == login).Select(a => a.Id).SingleAsync());
        var clock = TwoMinutesOn();
        var log = new CapturedLog();

        var enrolled = await RunAsync(new DeadlockOnAccountUpdate(), clock, log);

        var job = await server.InDbAsync(db => db.EnrolmentJobs.AsNoTracking().SingleAsync(j => j.AccountId == accountId));
        Assert.Equal((0, 2), (enrolled, job.Attempts));
        Assert.Contains(PostgresErrorCodes.DeadlockDetected, job.LastError, StringComparison.Ordinal);
        var poll = server.Services.GetRequiredService<IOptions<EnrolmentOptions>>().Value.PollInterval;
        Assert.InRange(job.LeasedUntil!.Value, clock.GetUtcNow(), clock.GetUtcNow() + poll);
        Assert.Contains(log.Lines, line => line.Level == LogLevel.Error && line.Message.Contains($"retried after {poll}", StringComparison.Ordinal));

        // The next poll's run, the deadlock gone, enrols it.
        clock.Advance(poll);
        Assert.Equal(1, await RunAsync(null, clock, log));
        Assert.Equal(AccountState.REGISTERED,
            await server.InDbAsync(db => db.Accounts.Where(a => a.Id == accountId).Select(a => a.State).SingleAsync()));
    }

    private static TestClock TwoMinutesOn()
    {
        var clock = new TestClock();
        clock.Advance(TimeSpan.FromMinutes(2));
        return clock;
    }

    private async Task<int> RunAsync(IInterceptor? interceptor, TimeProvider clock, CapturedLog log)
    {
        var options = new DbContextOptionsBuilder<PostgresGuichetDbContext>()
            .UseNpgsql(PostgresConnectionDefaults.Apply(server.ConnectionString))
            .AddInterceptors(interceptor is null ? [] : [interceptor])
            .Options;
        await using var db = new PostgresGuichetDbContext(options);
        using var loggers = LoggerFactory.Create(logging => logging.AddProvider(log));
        var run = new EnrolAccounts(db, new AuditTrail(db, clock), clock,
            server.Services.GetRequiredService<IOptions<EnrolmentOptions>>(), loggers.CreateLogger<EnrolAccounts>());
        return await run.HandleAsync(CancellationToken.None);
    }

    /// <summary>What PostgreSQL answers the transaction it aborts to break a deadlock, on every account update.</summary>
    private sealed class DeadlockOnAccountUpdate : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            command.CommandText.StartsWith(AccountUpdate, StringComparison.Ordinal)
                ? throw new PostgresException("deadlock detected", "ERROR", "ERROR", PostgresErrorCodes.DeadlockDetected)
                : ValueTask.FromResult(result);
    }

    /// <summary>
    /// Holds each run before its second account update until the other has begun its first and had a moment to take
    /// that account's row.
    /// </summary>
    private sealed class Rendezvous
    {
        private readonly TaskCompletionSource[] _firstUpdateBegun =
            [new(TaskCreationOptions.RunContinuationsAsynchronously), new(TaskCreationOptions.RunContinuationsAsynchronously)];

        public bool Met => _firstUpdateBegun.All(begun => begun.Task.IsCompleted);

        public IInterceptor ForRun(int run) => new RunUpdates(this, run);

        private sealed class RunUpdates(Rendezvous rendezvous, int run) : DbCommandInterceptor
        {
            private int _updates;

            public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
                InterceptionResult<int> result, CancellationToken cancellationToken = default)
            {
                if (command.CommandText.StartsWith(AccountUpdate, StringComparison.Ordinal) && ++_updates <= 2)
                {
                    var other = rendezvous._firstUpdateBegun[1 - run].Task;
                    if (_updates == 1)
                    {
                        rendezvous._firstUpdateBegun[run].TrySetResult();
                    }
                    else if (await Task.WhenAny(other, Task.Delay(TimeSpan.FromSeconds(5), cancellationToken)) == other)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
                    }
                }

                return result;
            }
        }
    }
}
