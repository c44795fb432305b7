using Guichet.Application.Security;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Wire = Guichet.Server.Soap.Contract;

namespace Guichet.Server.Tests.Soap;

/// <summary>
/// Every table the statements of a cheap SOAP call read is searched through an index, never scanned. SQLite plans a
/// statement from its text alone (the server never runs ANALYZE), so the plan read here on a small store is the one a
/// store of a million accounts runs. A LEFT JOIN on a constant false was once scanned row by row: each SSO call read
/// the whole accounts table, twice the CPU on an empty store and linear in its size (bench/RESULTS.md, 2026-12-04).
/// </summary>
public sealed class SqlitePlanTests(SqliteCommandLogServer server) : IClassFixture<SqliteCommandLogServer>
{
    [Fact]
    public async Task OwnStateBySsoToken_SearchesEveryTableByIndex()
    {
        var tenant = await WarmedTenantAsync();
        var primary = await tenant.RegisterPrimaryAsync();
        var token = SsoToken.Create(tenant.Credentials.SsoKey!, primary.Login, server.Clock.GetUtcNow(), tenant.Credentials.WhiteLabel.SsoTimeZone);

        await tenant.As(primary.Login, token).GetAccountStateAsync(primary.Login);

        await AssertSearchedByIndexAsync(primary.Login);
    }

    [Fact]
    public async Task OwnStateByPassword_SearchesEveryTableByIndex()
    {
        var tenant = await WarmedTenantAsync();
        var primary = await tenant.RegisteredPrimaryAsync();

        await tenant.As(primary.Login, primary.Password).GetAccountStateAsync(primary.Login);

        await AssertSearchedByIndexAsync(primary.Login);
    }

    [Fact]
    public async Task AdministratorReadingAState_SearchesEveryTableByIndex()
    {
        var tenant = await WarmedTenantAsync();
        var primary = await tenant.RegisterPrimaryAsync();

        await tenant.Admin.GetAccountStateAsync(primary.Login);

        await AssertSearchedByIndexAsync(primary.Login);
    }

    [Fact]
    public async Task ModifyingOnesOwnAccount_SearchesEveryTableByIndex()
    {
        var tenant = await WarmedTenantAsync();
        var primary = await tenant.RegisteredPrimaryAsync();

        await tenant.As(primary.Login, primary.Password)
            .ModifyPrimaryAccountAsync(new Wire.PrimaryAccountData { AccountName = primary.Login, CompanyName = "Nouvelle Raison" });

        await AssertSearchedByIndexAsync(primary.Login);
    }

    [Fact]
    public async Task ChangingAStatus_SearchesEveryTableByIndex()
    {
        var tenant = await WarmedTenantAsync();
        var primary = await tenant.RegisteredPrimaryAsync();

        await tenant.Admin.ChangeAccountStatusAsync(primary.Login, Wire.AccountAction.DISABLE);

        await AssertSearchedByIndexAsync(primary.Login);
    }

    [Fact]
    public async Task RegisteringAPrimary_SearchesEveryTableByIndex()
    {
        var tenant = await WarmedTenantAsync();

        var primary = await tenant.RegisterPrimaryAsync();

        await AssertSearchedByIndexAsync(primary.Login);
    }

    [Fact]
    public async Task RegisteringASecondary_SearchesEveryTableByIndex()
    {
        var tenant = await WarmedTenantAsync();
        var primary = await tenant.RegisteredPrimaryAsync();

        await tenant.As(primary.Login, primary.Password).RegisterSecondaryAccountAsync(SampleFiles.Secondary());

        await AssertSearchedByIndexAsync(primary.Login);
    }

    // The first SOAP call of a white label in this process reads it alone; the calls measured come after it.
    private async Task<Tenant> WarmedTenantAsync()
    {
        var tenant = await Tenant.CreateAsync(server);
        await tenant.Admin.GetAccountStateAsync((await tenant.RegisterPrimaryAsync()).Login);
        return tenant;
    }

    /// <summary>The plan of each statement the call on <paramref name="login"/> sent, read back with its parameters unset.</summary>
    private async Task AssertSearchedByIndexAsync(string login)
    {
        var sent = server.Commands.SentBy(server.Commands.LastAccountReaderWith(login));
        Assert.NotEmpty(sent);
        var plans = await server.InDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            var plans = new List<(string Sql, List<string> Steps)>();
            foreach (var command in sent)
            {
                await using var explain = connection.CreateCommand();
                explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
                foreach (var name in command.Names)
                {
                    var parameter = explain.CreateParameter();
                    parameter.ParameterName = name;
                    parameter.Value = DBNull.Value;
                    explain.Parameters.Add(parameter);
                }

                var steps = new List<string>();
                await using var plan = await explain.ExecuteReaderAsync();
                while (await plan.ReadAsync())
                {
                    steps.Add(plan.GetString(plan.GetOrdinal("detail")));
                }

                plans.Add((command.Sql, steps));
            }

            return plans;
        });

        Assert.Contains(plans, p => p.Steps.Any(s => s.StartsWith("SEARCH ", StringComparison.Ordinal)));
        Assert.All(plans, p =>
        {
            // SCAN reads a table, or a whole index, row by row. A subquery's rows SQLite built first (MATERIALIZE,
            // CO-ROUTINE), and a constant row, are no table.
            var built = p.Steps
                .Where(s => s.StartsWith("MATERIALIZE ", StringComparison.Ordinal) || s.StartsWith("CO-ROUTINE ", StringComparison.Ordinal))
                .Select(s => s.Split(' ')[1])
                .ToHashSet();
            var scans = p.Steps
                .Where(s => s.StartsWith("SCAN ", StringComparison.Ordinal) && s != "SCAN CONSTANT ROW" && !built.Contains(s.Split(' ')[1]));
            Assert.False(scans.Any(), $"{string.Join(", ", scans)} in:\n{p.Sql}");
        });
    }
}
