using Guichet.Application.Staff;
using Guichet.Domain.Common;
using Guichet.Domain.Staff;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.Portal;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.Staff;

/// <summary>
/// The back office keeps at least one enabled administrator. The rule counts every administrator of the database, so
/// each test first disables those that other tests of the class left.
/// </summary>
public abstract class LastAdministratorTests(GuichetServer server)
{
    [Fact]
    public async Task LastEnabledAdministrator_CannotBeDisabled_UntilAnotherIsEnabled()
    {
        await NoEnabledAdministratorAsync();
        var first = await server.CreateStaffAsync(StaffRole.Administrator);
        var second = await server.CreateStaffAsync(StaffRole.Administrator);
        var agent = await server.CreateStaffAsync();

        var firstDisabled = await DisableAsync(first.StaffId, StaffActor.Administrator(second.StaffId));
        var lastOne = await DisableAsync(second.StaffId, StaffActor.Operator);
        var agentDisabled = await DisableAsync(agent.StaffId, StaffActor.Administrator(second.StaffId));
        var enabled = await server.UseAsync<EnableStaffMember, Result<StaffMemberSummary>>(e =>
            e.HandleAsync(first.StaffId, StaffActor.Administrator(second.StaffId), null, CancellationToken.None));
        var nowPossible = await DisableAsync(second.StaffId, StaffActor.Administrator(first.StaffId));

        Assert.True(firstDisabled.Succeeded);
        Assert.Equal(ErrorCodes.LastAdministrator, lastOne.FailureCode);
        Assert.True(agentDisabled.Succeeded);
        Assert.True(enabled.Succeeded);
        Assert.True(nowPossible.Succeeded);
        Assert.Equal([first.StaffId], await EnabledAdministratorsAsync());
    }

    [Fact]
    public async Task TwoAdministratorsDisablingEachOtherAtOnce_OneStays()
    {
        for (var round = 0; round < 3; round++)
        {
            await NoEnabledAdministratorAsync();
            var first = await server.CreateStaffAsync(StaffRole.Administrator);
            var second = await server.CreateStaffAsync(StaffRole.Administrator);

            var results = await Task.WhenAll(
                Task.Run(() => DisableAsync(first.StaffId, StaffActor.Administrator(second.StaffId))),
                Task.Run(() => DisableAsync(second.StaffId, StaffActor.Administrator(first.StaffId))));

            Assert.Equal(1, results.Count(r => r.Succeeded));
            Assert.Single(await EnabledAdministratorsAsync());
        }
    }

    private Task<Result<StaffMemberSummary>> DisableAsync(Guid staffId, StaffActor actor) =>
        server.UseAsync<DisableStaffMember, Result<StaffMemberSummary>>(d => d.HandleAsync(staffId, actor, null, CancellationToken.None));

    private Task<List<Guid>> EnabledAdministratorsAsync() =>
        server.InDbAsync(db => db.StaffMembers.Where(s => s.Role == StaffRole.Administrator && !s.Disabled).Select(s => s.Id).ToListAsync());

    private Task<int> NoEnabledAdministratorAsync() =>
        server.InDbAsync(db => db.StaffMembers
            .Where(s => s.Role == StaffRole.Administrator)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Disabled, true)));
}

public sealed class LastAdministratorTestsOnSqlite(SqliteServerFixture server) : LastAdministratorTests(server), IClassFixture<SqliteServerFixture>;

public sealed class LastAdministratorTestsOnPostgres(PostgresServerFixture server)
    : LastAdministratorTests(server), IClassFixture<PostgresServerFixture>;
