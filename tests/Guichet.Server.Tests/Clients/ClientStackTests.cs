using System.Text.Json;
using Guichet.Domain.Accounts;
using Guichet.Domain.Common;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.Clients;

/// <summary>
/// SOAP stacks nobody here wrote (tests/clients: PHP SoapClient, python zeep, node-soap) load the served WSDL, compute
/// the WSSE digest their own way and run the whole life of an account; their JSON summary is checked here.
/// </summary>
public abstract class ClientStackTests(GuichetServer server)
{
    /// <summary>
    /// The time zone the scripts mint SSO tokens in. UTC while the server reads SSO tokens in UTC; once they are read in
    /// the white label's time zone (issue #7, point 4), pass that zone here (the white label's, default Europe/Paris).
    /// </summary>
    private const string SsoTimeZone = "UTC";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    protected async Task RunWholeLifeAsync(string stack)
    {
        var tenant = await Tenant.CreateAsync(server);
        var primaryName = SampleFiles.UniqueName("p");
        var secondaryName = SampleFiles.UniqueName("s");
        var newCompanyName = "Martin & Fils " + stack;
        var script = ClientScript.For(stack);
        var run = await script.RunAsync(
            new Dictionary<string, string>
            {
                ["GUICHET_ENDPOINT"] = server.RegisteringEndpoint.ToString(),
                ["GUICHET_WSSE_USERNAME"] = tenant.Credentials.WsseUsername,
                ["GUICHET_WSSE_SECRET"] = tenant.Credentials.WsseSecret,
                ["GUICHET_ADMIN_LOGIN"] = tenant.AdminLogin,
                ["GUICHET_ADMIN_PASSWORD"] = tenant.AdminPassword,
                ["GUICHET_SSO_KEY"] = tenant.Credentials.SsoKey!,
                ["GUICHET_SSO_TIMEZONE"] = SsoTimeZone,
                ["GUICHET_PRIMARY_NAME"] = primaryName,
                ["GUICHET_SECONDARY_NAME"] = secondaryName,
                ["GUICHET_NEW_COMPANY_NAME"] = newCompanyName,
            },
            Timeout);

        try
        {
            Assert.Equal(0, run.ExitCode);
            var summary = JsonDocument.Parse(run.Stdout).RootElement;
            Assert.StartsWith(stack, summary.GetProperty("stack").GetString(), StringComparison.Ordinal);
            Assert.Equal(primaryName, summary.GetProperty("primaryLogin").GetString());
            Assert.Equal(["WAIT_FOR_FILES", "BO_VALIDATED", "REGISTRATION_IN_PROGRESS", "REGISTERED"], Strings(summary.GetProperty("states")));
            Assert.Equal($"{secondaryName}.{primaryName}", summary.GetProperty("secondaryLogin").GetString());
            Assert.Equal("WAIT_FOR_FILES", summary.GetProperty("secondaryState").GetString());
            Assert.Equal("REGISTERED", summary.GetProperty("modifiedState").GetString());
            Assert.Equal(["REGISTERED", "WAIT_FOR_FILES"], Strings(summary.GetProperty("readStates")));
            Assert.Equal("REGISTERED", summary.GetProperty("ssoState").GetString());

            var fault = summary.GetProperty("fault");
            Assert.Equal(JsonValueKind.Object, fault.ValueKind);
            Assert.Equal($"Client.{ErrorCodes.ValidationFailed}", fault.GetProperty("faultcode").GetString());
            Assert.Equal(ErrorCodes.ValidationFailed, fault.GetProperty("code").GetString());
            string[] fieldFaults = [.. fault.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("field")} {e.GetProperty("code")}")];
            Assert.Equal(
                [$"Address.PostalCode {ErrorCodes.InvalidPostalCode}", $"Siret {ErrorCodes.InvalidSiret}"],
                fieldFaults.Order(StringComparer.Ordinal));

            // What the server stored: the modification, the secondary under its primary, nothing of the refused file.
            var accounts = await server.InDbAsync(db => db.Accounts.AsNoTracking().Include(a => a.PrimaryAccount)
                .Where(a => a.Login == primaryName || a.Login == primaryName + "x" || a.Login.StartsWith(secondaryName + "."))
                .ToListAsync());
            Assert.Equal(newCompanyName, accounts.Single(a => a.Login == primaryName).Data!.CompanyName);
            Assert.Equal(primaryName, accounts.Single(a => a.Kind == AccountKind.Secondary).PrimaryAccount!.Login);
            Assert.Equal(2, accounts.Count);
        }
        catch (Exception exception) when (exception is Xunit.Sdk.XunitException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            Assert.Fail($"{exception.Message}\n{run}");
        }
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString() ?? "null")];
}

public sealed class ClientStackTestsOnSqlite(SqliteServerFixture server) : ClientStackTests(server), IClassFixture<SqliteServerFixture>
{
    [Theory]
    [InlineData("php")]
    [InlineData("python")]
    [InlineData("node")]
    public Task WholeLifeOfAnAccount_EveryStepAnswersAsTheContractSays(string stack) => RunWholeLifeAsync(stack);
}

/// <summary>One stack on PostgreSQL too: the scripts' requests reach the other provider unchanged.</summary>
public sealed class ClientStackTestsOnPostgres(PostgresServerFixture server) : ClientStackTests(server), IClassFixture<PostgresServerFixture>
{
    [Fact]
    public Task WholeLifeOfAnAccountThroughZeep_EveryStepAnswersAsTheContractSays() => RunWholeLifeAsync("python");
}
