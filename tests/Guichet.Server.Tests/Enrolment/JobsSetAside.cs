using Guichet.Domain.Accounts;
using Guichet.Domain.Enrolment;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.Enrolment;

/// <summary>
/// Accounts in REGISTRATION_IN_PROGRESS with a job tried once and set aside, as a failed attempt leaves them. Set aside
/// for a minute, a job is left alone by the server's own worker and taken by a test's run whose clock is two minutes on.
/// </summary>
internal static class JobsSetAside
{
    /// <summary>
    /// A test that failed half-way leaves jobs set aside and due within seconds, which the next test's runs (their clock
    /// two minutes on) would take with their own: the classes whose tests count what a run enrols begin each without any.
    /// </summary>
    public static Task<int> NoneLeftAsync(GuichetServer server) => server.InDbAsync(db => db.EnrolmentJobs.ExecuteDeleteAsync());

    public static async Task<List<string>> RegisterForAMinuteAsync(GuichetServer server, int count)
    {
        var tenant = await Tenant.CreateAsync(server);
        var logins = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var account = await tenant.RegisterPrimaryAsync();
            await QueueAsync(server, account.Login, leasedUntil: DateTimeOffset.UtcNow.AddMinutes(1));
            logins.Add(account.Login);
        }

        return logins;
    }

    public static Task<int> QueueAsync(GuichetServer server, string login, DateTimeOffset leasedUntil) =>
        server.InDbAsync(async db =>
        {
            var stored = await db.Accounts.SingleAsync(a => a.Login == login);
            stored.State = AccountState.REGISTRATION_IN_PROGRESS;
            stored.Touch();
            db.EnrolmentJobs.Add(new EnrolmentJob
            {
                AccountId = stored.Id,
                EnqueuedAt = DateTimeOffset.UtcNow.AddMinutes(-10),
                LeasedUntil = leasedUntil,
                Attempts = 1,
            });
            return await db.SaveChangesAsync();
        });
}
