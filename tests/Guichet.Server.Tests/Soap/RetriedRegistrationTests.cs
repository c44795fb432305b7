using Guichet.Application.Maintenance;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Server.Soap.Contract;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Server.Tests.Soap;

/// <summary>
/// A registration committed whose answer never reached the white label (connection dropped): sending the same request
/// again returns the first answer, password included, until the account authenticates or 24 hours pass.
/// </summary>
public abstract class RetriedRegistrationTests(GuichetServer server)
{
    [Fact]
    public async Task SameRequestAfterADroppedAnswer_GetsTheFirstReceiptWhosePasswordWorks()
    {
        var tenant = await Tenant.CreateAsync(server);
        var file = SampleFiles.Primary();
        var login = file.AccountName!.ToLowerInvariant();

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => RawSoap.SendAsync(server.RegisteringEndpoint,
            new StringContent(RawSoap.Envelope(RawSoap.Security(tenant), RawSoap.RegisterPrimary(file)), System.Text.Encoding.UTF8, "text/xml"),
            "registerPrimaryAccount", headers: [(AnswerDroppingServer.DropHeader, "1")]));
        var committed = await server.InDbAsync(db => db.Accounts.SingleAsync(a => a.Login == login));

        var retried = await tenant.RegisterPrimaryAsync(file);

        Assert.Equal(committed.FolderNumber, retried.FolderNumber);
        Assert.Equal(login, retried.Login);
        Assert.Equal(AccountState.WAIT_FOR_FILES, (await tenant.As(retried.Login, retried.Password).GetAccountStateAsync(login)).State);
        Assert.Equal(1, await server.InDbAsync(db => db.Accounts.CountAsync(a => a.Login == login)));
        Assert.True(await server.InDbAsync(db => db.AuditEntries.AnyAsync(e => e.Subject == login && e.Event == AuditEvents.RegistrationRepeated)));
    }

    [Fact]
    public async Task SameRequestAfterTheAccountAuthenticated_FaultsAlreadyExistsAndTheReceiptIsErased()
    {
        var tenant = await Tenant.CreateAsync(server);
        var file = SampleFiles.Primary();
        var first = await tenant.RegisterPrimaryAsync(file);
        await tenant.As(first.Login, first.Password).GetAccountStateAsync(first.Login);

        var fault = await Faults.CatchAsync(() => tenant.RegisterPrimaryAsync(file));

        AssertAlreadyExists(fault);
        var stored = await server.InDbAsync(db => db.Accounts.SingleAsync(a => a.Login == first.Login));
        Assert.Null(stored.ReceiptPasswordProtected);
        Assert.Null(stored.ReceiptExpiresAt);
    }

    [Fact]
    public async Task AnotherFileUnderTheSameName_FaultsAlreadyExists()
    {
        var tenant = await Tenant.CreateAsync(server);
        var file = SampleFiles.Primary();
        await tenant.RegisterPrimaryAsync(file);
        file.CompanyName = "Une autre raison sociale";

        AssertAlreadyExists(await Faults.CatchAsync(() => tenant.RegisterPrimaryAsync(file)));
    }

    [Fact]
    public async Task SameFileWithAnotherChosenPassword_FaultsAlreadyExists()
    {
        var tenant = await Tenant.CreateAsync(server);
        var file = SampleFiles.Primary();
        file.Password = "Premier-Essai1";
        await tenant.RegisterPrimaryAsync(file);
        file.Password = "Second-Essai22";

        AssertAlreadyExists(await Faults.CatchAsync(() => tenant.RegisterPrimaryAsync(file)));
    }

    [Fact]
    public async Task SameRequestFromAnotherWhiteLabel_FaultsAlreadyExists()
    {
        var owner = await Tenant.CreateAsync(server);
        var other = await Tenant.CreateAsync(server);
        var file = SampleFiles.Primary();
        await owner.RegisterPrimaryAsync(file);

        AssertAlreadyExists(await Faults.CatchAsync(() => other.RegisterPrimaryAsync(file)));
    }

    [Fact]
    public async Task SameRequestAfterTheReceiptLifetime_FaultsAlreadyExistsAndThePurgeErasesThePassword()
    {
        var tenant = await Tenant.CreateAsync(server);
        var file = SampleFiles.Primary();
        var first = await tenant.RegisterPrimaryAsync(file);
        var expiresAt = await server.InDbAsync(db => db.Accounts.Where(a => a.Login == first.Login).Select(a => a.ReceiptExpiresAt).SingleAsync());
        Assert.InRange(expiresAt!.Value - server.Clock.GetUtcNow(), TimeSpan.FromHours(23.9), TimeSpan.FromHours(24));
        await server.InDbAsync(db => db.Accounts.Where(a => a.Login == first.Login)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.ReceiptExpiresAt, server.Clock.GetUtcNow().AddSeconds(-1))));

        AssertAlreadyExists(await Faults.CatchAsync(() => tenant.RegisterPrimaryAsync(file)));
        await server.InScopeAsync(services => services.GetRequiredService<PurgeExpiredSecurityRecords>().HandleAsync(CancellationToken.None));
        var stored = await server.InDbAsync(db => db.Accounts.SingleAsync(a => a.Login == first.Login));
        Assert.Null(stored.ReceiptPasswordProtected);
        Assert.Null(stored.ReceiptRequestHash);
    }

    [Fact]
    public async Task SameSecondaryRequestAfterADroppedAnswer_GetsTheFirstReceipt()
    {
        var tenant = await server.SharedTenantAsync();
        var primary = await tenant.RegisteredPrimaryAsync();
        var asPrimary = tenant.As(primary.Login, primary.Password);
        var file = SampleFiles.Secondary();

        var first = await asPrimary.RegisterSecondaryAccountAsync(file);
        var retried = await asPrimary.RegisterSecondaryAccountAsync(file);

        Assert.Equal(first.FolderNumber, retried.FolderNumber);
        Assert.Equal(first.Password, retried.Password);
        Assert.Equal(1, await server.InDbAsync(db => db.Accounts.CountAsync(a => a.Login == first.Login)));
    }

    private static void AssertAlreadyExists(RegisteringFault fault)
    {
        Assert.Equal(ErrorCodes.ValidationFailed, fault.Code);
        Assert.Contains(fault.Errors, e => e.Field == "AccountName" && e.Code == ErrorCodes.AlreadyExists);
    }
}

/// <summary>A server that, when a request asks for it, runs the request to the end and then drops the connection unanswered.</summary>
public class AnswerDroppingServer(DatabaseProvider provider) : GuichetServer(provider)
{
    public const string DropHeader = "X-Test-Drop-Answer";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, DropAnswerFilter>());
    }

    private sealed class DropAnswerFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, inner) =>
            {
                if (!context.Request.Headers.ContainsKey(DropHeader))
                {
                    await inner(context);
                    return;
                }

                context.Response.Body = new MemoryStream();
                await inner(context);
                context.Abort();
            });
            next(app);
        };
    }
}

public sealed class AnswerDroppingSqliteServer() : AnswerDroppingServer(DatabaseProvider.Sqlite);

public sealed class AnswerDroppingPostgresServer() : AnswerDroppingServer(DatabaseProvider.PostgreSql);

public sealed class RetriedRegistrationTestsOnSqlite(AnswerDroppingSqliteServer server)
    : RetriedRegistrationTests(server), IClassFixture<AnswerDroppingSqliteServer>;

public sealed class RetriedRegistrationTestsOnPostgres(AnswerDroppingPostgresServer server)
    : RetriedRegistrationTests(server), IClassFixture<AnswerDroppingPostgresServer>;
