using System.Collections.Concurrent;
using System.Data.Common;
using Guichet.Application.Security;
using Guichet.Data;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Wire = Guichet.Server.Soap.Contract;

namespace Guichet.Server.Tests.Soap;

/// <summary>A server that keeps the text and parameter values of every SQL command its contexts send.</summary>
public abstract class CommandLogServer(DatabaseProvider provider) : GuichetServer(provider)
{
    public CommandLog Commands { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.ConfigureDbContext<SqliteGuichetDbContext>(options => options.AddInterceptors(Commands, Connections));
        services.ConfigureDbContext<PostgresGuichetDbContext>(options => options.AddInterceptors(Commands, Connections));
    }

    public ConnectionLog Connections { get; } = new();
}

/// <summary>How many times each lease of a context opened its connection.</summary>
public sealed class ConnectionLog : DbConnectionInterceptor
{
    private readonly ConcurrentDictionary<DbContextId, int> _opens = new();

    public int OpensOf(DbContextId context) => _opens.GetValueOrDefault(context);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Count(eventData);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Count(eventData);
        return Task.CompletedTask;
    }

    private void Count(ConnectionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            _opens.AddOrUpdate(context.ContextId, 1, (_, opens) => opens + 1);
        }
    }
}

public sealed class SqliteCommandLogServer() : CommandLogServer(DatabaseProvider.Sqlite);

public sealed class PostgresCommandLogServer() : CommandLogServer(DatabaseProvider.PostgreSql);

public sealed class CommandLog : DbCommandInterceptor
{
    private readonly ConcurrentQueue<SentCommand> _commands = new();

    /// <summary>The context lease that sent the last command reading the accounts table with <paramref name="value"/>.</summary>
    public DbContextId LastAccountReaderWith(string value) => _commands.Last(c => ReadsAccountsWith(c, value)).Context!.Value;

    /// <summary>The commands a context lease sent.</summary>
    public int CountOf(DbContextId context) => _commands.Count(c => c.Context == context);

    /// <summary>The commands a context lease sent, in order.</summary>
    public IReadOnlyList<SentCommand> SentBy(DbContextId context) => [.. _commands.Where(c => c.Context == context)];

    /// <summary>The SQL of the commands that read the accounts table with <paramref name="value"/> among their parameters.</summary>
    public IReadOnlyList<string> AccountReadsWith(string value) => [.. _commands.Where(c => ReadsAccountsWith(c, value)).Select(c => c.Sql)];

    private static bool ReadsAccountsWith(SentCommand command, string value) =>
        (command.Sql.Contains("FROM accounts", StringComparison.Ordinal) || command.Sql.Contains("FROM \"accounts\"", StringComparison.Ordinal))
        && command.Values.Contains(value, StringComparer.Ordinal);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Keep(command, eventData);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result)
    {
        Keep(command, eventData);
        return base.ReaderExecuting(command, eventData, result);
    }

    private void Keep(DbCommand command, CommandEventData eventData)
    {
        var parameters = command.Parameters.Cast<DbParameter>().ToArray();
        _commands.Enqueue(new SentCommand(command.CommandText, [.. parameters.Select(p => p.ParameterName)],
            [.. parameters.Select(p => Convert.ToString(p.Value) ?? "")], eventData.Context?.ContextId));
    }
}

/// <summary>One command a context sent: its text, its parameters' names and values (as text), and the context lease.</summary>
public sealed record SentCommand(string Sql, string[] Names, string[] Values, DbContextId? Context);

/// <summary>
/// What a SOAP call reads of the accounts table: once the row of a call on one's own account; the few columns the
/// checks need, not the registration file, where the row is only read; the whole row where its file is changed.
/// </summary>
public abstract class AccountReadsTests(CommandLogServer server)
{
    private const string FileColumn = "\"Data\"";

    [Fact]
    public async Task OwnStateBySsoToken_ReadsTheRowOnce_WithoutTheFile()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var token = SsoToken.Create(tenant.Credentials.SsoKey!, primary.Login, server.Clock.GetUtcNow(), tenant.Credentials.WhiteLabel.SsoTimeZone);
        var before = server.Commands.AccountReadsWith(primary.Login).Count;

        var state = await tenant.As(primary.Login, token).GetAccountStateAsync(primary.Login);

        Assert.Equal(Wire.AccountState.WAIT_FOR_FILES, state.State);
        var read = Assert.Single(server.Commands.AccountReadsWith(primary.Login).Skip(before));
        Assert.DoesNotContain(FileColumn, read, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OwnStateBySsoToken_IsOneStatement_WithTheWhiteLabelAndTheBrake()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var token = SsoToken.Create(tenant.Credentials.SsoKey!, primary.Login, server.Clock.GetUtcNow(), tenant.Credentials.WhiteLabel.SsoTimeZone);

        await tenant.As(primary.Login, token).GetAccountStateAsync(primary.Login);

        // The nonce goes through the ledger's own context; everything else the call reads is one statement.
        var call = server.Commands.LastAccountReaderWith(primary.Login);
        Assert.Equal(1, server.Commands.CountOf(call));
        var read = server.Commands.AccountReadsWith(primary.Login)[^1];
        Assert.Contains("white_labels", read, StringComparison.Ordinal);
        Assert.Contains("login_throttles", read, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdministratorReadingAState_ReadsEachAccountOnce_WithoutTheFile()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var callerBefore = server.Commands.AccountReadsWith(tenant.AdminLogin).Count;
        var targetBefore = server.Commands.AccountReadsWith(primary.Login).Count;

        var state = await tenant.Admin.GetAccountStateAsync(primary.Login);

        Assert.Equal(Wire.AccountState.WAIT_FOR_FILES, state.State);
        var ofTarget = Assert.Single(server.Commands.AccountReadsWith(primary.Login).Skip(targetBefore));
        var ofCaller = server.Commands.AccountReadsWith(tenant.AdminLogin).Skip(callerBefore);
        Assert.DoesNotContain(FileColumn, Assert.Single(ofCaller), StringComparison.Ordinal);
        Assert.DoesNotContain(FileColumn, ofTarget, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdministratorReadingAState_IsOneStatement_WithTheCallersRows()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var other = await tenant.RegisterPrimaryAsync();
        // The first SOAP call of a white label in this process reads it alone; the later ones know its id.
        await tenant.Admin.GetAccountStateAsync(other.Login);

        var state = await tenant.Admin.GetAccountStateAsync(primary.Login);

        Assert.Equal(Wire.AccountState.WAIT_FOR_FILES, state.State);
        var call = server.Commands.LastAccountReaderWith(primary.Login);
        Assert.Equal(1, server.Commands.CountOf(call));
        var read = server.Commands.AccountReadsWith(primary.Login)[^1];
        Assert.Same(read, server.Commands.AccountReadsWith(tenant.AdminLogin)[^1]);
        Assert.Contains("white_labels", read, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdministratorReadingAStateOfNoAccount_IsAnsweredNotFound_FromTheSameStatement()
    {
        var tenant = await Tenant.CreateAsync(server);
        await tenant.Admin.GetAccountStateAsync((await tenant.RegisterPrimaryAsync()).Login);
        var nobody = "nobody" + Guid.NewGuid().ToString("N")[..8];

        var fault = await Assert.ThrowsAsync<System.ServiceModel.FaultException<Wire.RegisteringFault>>(
            () => tenant.Admin.GetAccountStateAsync(nobody));

        Assert.Equal("ACCOUNT_NOT_FOUND", fault.Detail.Code);
        Assert.Equal(1, server.Commands.CountOf(server.Commands.LastAccountReaderWith(nobody)));
    }

    [Fact]
    public async Task ACallsLookups_OnSqlite_ShareOneOpenOfTheConnection()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisteredPrimaryAsync();

        await tenant.Admin.ChangeAccountStatusAsync(primary.Login, Wire.AccountAction.DISABLE);

        // The white label with the caller's rows, then the target whole and its change: one context lease for the call.
        var call = server.Commands.LastAccountReaderWith(primary.Login);
        Assert.True(server.Commands.CountOf(call) >= 2);
        // PostgreSQL opens around each query: a call holds no pooled connection through a password hash.
        Assert.Equal(server.Provider == DatabaseProvider.Sqlite ? 1 : server.Commands.CountOf(call), server.Connections.OpensOf(call));
    }

    [Fact]
    public async Task ARegistration_KeepsNoConnection_EachOfItsQueriesOpensOne()
    {
        var tenant = await Tenant.CreateAsync(server);

        var receipt = await tenant.RegisterPrimaryAsync();

        // A burst of registrations then holds a connection only while a query runs, not one each while they wait: its
        // lookups open one each, its save one for its statements.
        var call = server.Commands.LastAccountReaderWith(receipt.Login);
        Assert.InRange(server.Connections.OpensOf(call), 3, server.Commands.CountOf(call));
    }

    [Fact]
    public async Task AFirstTimePassword_OnSqlite_GivesTheKeptConnectionBackForItsVerification()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();

        await tenant.As(primary.Login, primary.Password).GetAccountStateAsync(primary.Login);

        // Its reads, one statement, share the call's open; the verification lets it go; forgetting the receipt opens one
        // again (kept, it would be one open). PostgreSQL opens around each of the two statements.
        var call = server.Commands.LastAccountReaderWith(primary.Login);
        Assert.Equal(2, server.Connections.OpensOf(call));
    }

    [Fact]
    public async Task ModifyingOnesOwnAccount_ReadsItsWholeRowOnce()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisteredPrimaryAsync();
        var before = server.Commands.AccountReadsWith(primary.Login).Count;

        var state = await tenant.As(primary.Login, primary.Password)
            .ModifyPrimaryAccountAsync(new Wire.PrimaryAccountData { AccountName = primary.Login, CompanyName = "Nouvelle Raison" });

        Assert.Equal(Wire.AccountState.REGISTERED, state.State);
        var read = Assert.Single(server.Commands.AccountReadsWith(primary.Login).Skip(before));
        Assert.Contains(FileColumn, read, StringComparison.Ordinal);
        Assert.Equal("Nouvelle Raison", await server.InDbAsync(db =>
            db.Accounts.Where(a => a.Login == primary.Login).Select(a => a.CompanyName).SingleAsync()));
    }

    [Fact]
    public async Task RegisteringASecondary_ReadsNoFile_AndRenewsThePrimarysVersion()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisteredPrimaryAsync();
        var versionOf = () => server.InDbAsync(db => db.Accounts.Where(a => a.Login == primary.Login).Select(a => a.Version).SingleAsync());
        var version = await versionOf();
        var before = server.Commands.AccountReadsWith(primary.Login).Count;

        var secondary = await tenant.As(primary.Login, primary.Password).RegisterSecondaryAccountAsync(SampleFiles.Secondary());

        Assert.EndsWith("." + primary.Login, secondary.Login, StringComparison.Ordinal);
        // Its credentials in the white label's statement; then what the rules need of it, with its count of secondaries,
        // by its id; and whether the new name is held: none of them reads a file.
        var read = Assert.Single(server.Commands.AccountReadsWith(primary.Login).Skip(before));
        Assert.DoesNotContain(FileColumn, read, StringComparison.Ordinal);
        var call = server.Commands.LastAccountReaderWith(primary.Login);
        Assert.DoesNotContain(server.Commands.SentBy(call),
            c => c.Sql.StartsWith("SELECT", StringComparison.Ordinal) && c.Sql.Contains(FileColumn, StringComparison.Ordinal));
        // Its version is renewed all the same (two registrations racing for its last slot conflict: RegistrationTests).
        Assert.NotEqual(version, await versionOf());
    }
}

public sealed class AccountReadsTestsOnSqlite(SqliteCommandLogServer server) : AccountReadsTests(server), IClassFixture<SqliteCommandLogServer>;

public sealed class AccountReadsTestsOnPostgres(PostgresCommandLogServer server) : AccountReadsTests(server), IClassFixture<PostgresCommandLogServer>;
