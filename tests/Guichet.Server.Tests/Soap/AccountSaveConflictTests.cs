using Guichet.Application.Accounts;
using Guichet.Data;
using Guichet.Domain.Accounts;
using Guichet.Domain.Common;
using Guichet.Server.Soap;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Server.Tests.Soap;

/// <summary>A save that meets a unique index of the accounts says which: a taken name, or a race the caller may retry.</summary>
public abstract class AccountSaveConflictTests(GuichetServer server)
{
    [Fact]
    public async Task SaveMeetingATakenLogin_IsATakenName()
    {
        var tenant = await Tenant.CreateAsync(server);
        var existing = await tenant.RegisterPrimaryAsync();

        var error = await SaveNewAccountAsync(tenant, existing.Login, SampleFiles.UnusedFolderNumber());

        Assert.Equal(ErrorCodes.AlreadyExists, error?.Code);
        Assert.Equal(1, await server.InDbAsync(db => db.Accounts.CountAsync(a => a.Login == existing.Login)));
    }

    [Fact]
    public async Task SaveMeetingATakenFolderNumber_IsAConcurrentModification_NotATakenName()
    {
        var tenant = await Tenant.CreateAsync(server);
        var existing = await tenant.RegisterPrimaryAsync();
        var login = SampleFiles.UniqueName().ToLowerInvariant();

        var error = await SaveNewAccountAsync(tenant, login, existing.FolderNumber);

        Assert.Equal(ErrorCodes.ConcurrentModification, error?.Code);
        Assert.False(await server.InDbAsync(db => db.Accounts.AnyAsync(a => a.Login == login)));
    }

    /// <summary>A new primary added straight to the store, past the use cases' checks, then saved as they save.</summary>
    private Task<Error?> SaveNewAccountAsync(Tenant tenant, string login, string folderNumber) => server.InScopeAsync(async services =>
    {
        var now = DateTimeOffset.UtcNow;
        services.GetRequiredService<GuichetDbContext>().Accounts.Add(new Account
        {
            WhiteLabelId = tenant.Credentials.WhiteLabel.Id,
            Kind = AccountKind.Primary,
            Login = login,
            FolderNumber = folderNumber,
            State = AccountState.WAIT_FOR_FILES,
            StateChangedAt = now,
            PasswordHash = "not-a-hash",
            PasswordChangedAt = now,
            Data = SampleFiles.Primary(login).ToDomain(),
            CreatedAt = now,
        });
        return await services.GetRequiredService<AccountStore>().SaveAsync(CancellationToken.None);
    });
}

public sealed class AccountSaveConflictTestsOnSqlite(SqliteServerFixture server)
    : AccountSaveConflictTests(server), IClassFixture<SqliteServerFixture>;

public sealed class AccountSaveConflictTestsOnPostgres(PostgresServerFixture server)
    : AccountSaveConflictTests(server), IClassFixture<PostgresServerFixture>;
