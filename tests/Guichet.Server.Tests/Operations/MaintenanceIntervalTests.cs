using Guichet.Application.Maintenance;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Server.Tests.Operations;

/// <summary><c>Maintenance:Interval</c> sets how often the worker runs, and how long a run rests between its statements.</summary>
public sealed class MaintenanceIntervalTests(MaintenanceIntervalTests.FrequentMaintenanceServer server)
    : IClassFixture<MaintenanceIntervalTests.FrequentMaintenanceServer>
{
    [Fact]
    public async Task TheWorkerRunsEveryInterval_AnExpiredNonceGoesWithoutARestart()
    {
        var tenant = await server.SharedTenantAsync();
        var tag = SampleFiles.UniqueName("i");
        await server.AddNoncesAsync(tenant.Credentials.WhiteLabel.Id, (tag, server.Clock.GetUtcNow().AddMinutes(-1)));

        // Inserted after the start's run: only a run of the interval's (a second here, ten minutes by default) deletes it.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await server.InNoncesAsync(db => db.UsedNonces.AnyAsync(n => n.Nonce == tag)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.False(await server.InNoncesAsync(db => db.UsedNonces.AnyAsync(n => n.Nonce == tag)));
    }

    [Fact]
    public async Task ARunRestsDuringHalfTheInterval()
    {
        var window = await server.InScopeAsync(services => Task.FromResult(services.GetRequiredService<PurgeBatches>().RestingWindow));

        Assert.Equal(TimeSpan.FromMilliseconds(500), window);
    }

    public sealed class FrequentMaintenanceServer() : GuichetServer(DatabaseProvider.Sqlite)
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Maintenance:Interval", "00:00:01")];
    }
}
