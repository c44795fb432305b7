using Guichet.Application.Accounts;
using Guichet.Application.Security;
using Guichet.Data;
using Guichet.Domain.WhiteLabels;
using Guichet.Server.Soap;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Server.Tests.Soap;

/// <summary>A new account never gets a folder number another account has: a taken number is drawn again.</summary>
public abstract class FolderNumberTests(GuichetServer server)
{
    [Fact]
    public async Task PrimaryDrawingATakenNumber_DrawsAgainAndIsRegistered()
    {
        var tenant = await Tenant.CreateAsync(server);
        var taken = (await tenant.RegisterPrimaryAsync()).FolderNumber;
        var draws = new ScriptedFolderNumbers(taken, SampleFiles.UnusedFolderNumber());

        var result = await InScopeAsync<RegisterPrimaryAccount, RegistrationReceipt>(draws, (_, register, whiteLabel) =>
            register.HandleAsync(whiteLabel, SampleFiles.Primary().ToDomain(), "test", null, CancellationToken.None), tenant);

        Assert.Equal(draws.Script[1], result.FolderNumber);
        Assert.Equal(2, draws.Drawn);
        Assert.Equal(1, await server.InDbAsync(db => db.Accounts.CountAsync(a => a.FolderNumber == taken)));
    }

    [Fact]
    public async Task SecondaryDrawingATakenNumber_DrawsAgainAndIsRegistered()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisteredPrimaryAsync();
        var draws = new ScriptedFolderNumbers(primary.FolderNumber, primary.FolderNumber, SampleFiles.UnusedFolderNumber());

        var result = await InScopeAsync<RegisterSecondaryAccount, RegistrationReceipt>(draws, async (services, register, whiteLabel) =>
        {
            var caller = (await services.GetRequiredService<UserAuthenticator>()
                .AuthenticateAsync(whiteLabel, primary.Login, primary.Password, false, null, CancellationToken.None)).Value;
            return await register.HandleAsync(caller, SampleFiles.Secondary().ToDomain(), CancellationToken.None);
        }, tenant);

        Assert.Equal(draws.Script[2], result.FolderNumber);
        Assert.Equal(3, draws.Drawn);
    }

    [Fact]
    public async Task TenTakenNumbersInARow_RegisterNothing()
    {
        var tenant = await Tenant.CreateAsync(server);
        var taken = (await tenant.RegisterPrimaryAsync()).FolderNumber;
        var draws = new ScriptedFolderNumbers([.. Enumerable.Repeat(taken, 10), SampleFiles.UnusedFolderNumber()]);
        var file = SampleFiles.Primary().ToDomain();
        var login = file.AccountName!.ToLowerInvariant();

        await Assert.ThrowsAsync<InvalidOperationException>(() => InScopeAsync<RegisterPrimaryAccount, RegistrationReceipt>(draws,
            (_, register, whiteLabel) => register.HandleAsync(whiteLabel, file, "test", null, CancellationToken.None), tenant));

        Assert.Equal(10, draws.Drawn);
        Assert.False(await server.InDbAsync(db => db.Accounts.AnyAsync(a => a.Login == login)));
    }

    private Task<TResult> InScopeAsync<TUseCase, TResult>(ScriptedFolderNumbers draws,
        Func<IServiceProvider, TUseCase, WhiteLabel, Task<Domain.Common.Result<TResult>>> act, Tenant tenant)
        where TUseCase : class => server.InScopeAsync(async services =>
    {
        var accounts = ActivatorUtilities.CreateInstance<AccountStore>(services, draws);
        var useCase = ActivatorUtilities.CreateInstance<TUseCase>(services, accounts);
        var whiteLabel = await services.GetRequiredService<GuichetDbContext>().WhiteLabels.AsNoTracking()
            .SingleAsync(w => w.Id == tenant.Credentials.WhiteLabel.Id);
        var result = await act(services, useCase, whiteLabel);
        Assert.True(result.Succeeded, result.FailureCode);
        return result.Value;
    });
}

/// <summary>Folder numbers drawn from a script, in order; counts the draws.</summary>
public sealed class ScriptedFolderNumbers(params string[] script) : FolderNumbers
{
    private int _drawn;

    public IReadOnlyList<string> Script => script;

    public int Drawn => Volatile.Read(ref _drawn);

    public override string Draw(DateTimeOffset now) => script[Interlocked.Increment(ref _drawn) - 1];
}

public sealed class FolderNumberTestsOnSqlite(SqliteServerFixture server) : FolderNumberTests(server), IClassFixture<SqliteServerFixture>;

public sealed class FolderNumberTestsOnPostgres(PostgresServerFixture server) : FolderNumberTests(server), IClassFixture<PostgresServerFixture>;
