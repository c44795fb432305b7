using System.Globalization;
using System.Text.RegularExpressions;
using Guichet.Domain.Auditing;
using Guichet.Domain.Security;
using Guichet.Domain.Staff;
using Guichet.Server.Commands;
using Guichet.Server.Soap.Contract;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.Staff;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.Operations;

/// <summary>Operator commands, and what they leave at rest: encrypted secrets (slow hashes: PasswordHashStrengthTests).</summary>
public sealed class OperatorCommandTests(SqliteServerFixture server) : IClassFixture<SqliteServerFixture>
{
    [Fact]
    public async Task CreateWhiteLabel_GeneratesSecretsShownOnceAndStoredEncrypted()
    {
        var code = SampleFiles.UniqueName("w");
        var output = new StringWriter();

        var exit = await OperatorCommands.RunAsync(server.Services,
            ["create-white-label", "--code", code, "--name", "ACME", "--mail-domain", "mb.acme.fr", "--login-prefix", "ac", "--auto-enrol"], output);

        Assert.Equal(0, exit);
        var secret = Line(output, "WSSE secret");
        var stored = await server.InDbAsync(db => db.WhiteLabels.SingleAsync(w => w.Code == code));
        Assert.True(secret.Length >= 40);
        Assert.DoesNotContain(secret, stored.WsseSecretProtected, StringComparison.Ordinal);
        Assert.DoesNotContain(Line(output, "SSO key"), stored.SsoKeyProtected!, StringComparison.Ordinal);
        Assert.True(stored.AutoEnrol);
        Assert.Equal("ac", stored.LoginPrefix);
    }

    [Fact]
    public async Task CreateWhiteLabel_SsoTimeZone_FrenchTimeByDefault_UtcSelectable()
    {
        var paris = SampleFiles.UniqueName("w");
        var utc = SampleFiles.UniqueName("w");

        var exitParis = await OperatorCommands.RunAsync(server.Services,
            ["create-white-label", "--code", paris, "--name", "P", "--mail-domain", "mb.p.fr"], new StringWriter());
        var exitUtc = await OperatorCommands.RunAsync(server.Services,
            ["create-white-label", "--code", utc, "--name", "U", "--mail-domain", "mb.u.fr", "--sso-time-zone", "UTC"], new StringWriter());

        Assert.Equal((0, 0), (exitParis, exitUtc));
        Assert.Equal("Europe/Paris",
            await server.InDbAsync(db => db.WhiteLabels.Where(w => w.Code == paris).Select(w => w.SsoTimeZone).SingleAsync()));
        Assert.Equal("UTC", await server.InDbAsync(db => db.WhiteLabels.Where(w => w.Code == utc).Select(w => w.SsoTimeZone).SingleAsync()));
    }

    [Theory]
    [InlineData("Europe/Atlantis")]
    [InlineData("")]
    public async Task CreateWhiteLabel_UnknownSsoTimeZone_FailsAndCreatesNothing(string zone)
    {
        var code = SampleFiles.UniqueName("w");
        var output = new StringWriter();

        var exit = await OperatorCommands.RunAsync(server.Services,
            ["create-white-label", "--code", code, "--name", "X", "--mail-domain", "mb.x.fr", "--sso-time-zone", zone], output);

        Assert.Equal(1, exit);
        Assert.Contains("SsoTimeZone INVALID_VALUE", output.ToString(), StringComparison.Ordinal);
        Assert.False(await server.InDbAsync(db => db.WhiteLabels.AnyAsync(w => w.Code == code)));
    }

    [Fact]
    public async Task CreateAdmin_ThenTheAdministratorCallsTheService()
    {
        var code = SampleFiles.UniqueName("w");
        var output = new StringWriter();
        await OperatorCommands.RunAsync(server.Services,
            ["create-white-label", "--code", code, "--name", "ACME", "--mail-domain", "mb.acme.fr"], output);
        var secret = Line(output, "WSSE secret");
        var login = SampleFiles.UniqueName("a");

        var exit = await OperatorCommands.RunAsync(server.Services, ["create-admin", "--white-label", code, "--login", login], output);

        Assert.Equal(0, exit);
        var password = output.ToString().Split("Password (shown once): ")[1].Trim();
        var tenantAdmin = RegisteringClient.Create(server.RegisteringEndpoint, new SoapIdentity(code, secret, login, password));
        var registered = await RegisteringClient.Create(server.RegisteringEndpoint, new SoapIdentity(code, secret))
            .RegisterPrimaryAccountAsync(SampleFiles.Primary());
        Assert.Equal(AccountState.WAIT_FOR_FILES, (await tenantAdmin.GetAccountStateAsync(registered.Login)).State);
    }

    [Fact]
    public async Task CreateAdmin_PasswordStartingWithSso_FailsAndCreatesNothing()
    {
        var tenant = await server.SharedTenantAsync();
        var login = SampleFiles.UniqueName("a");
        var output = new StringWriter();

        var exit = await OperatorCommands.RunAsync(server.Services,
            ["create-admin", "--white-label", tenant.Credentials.WhiteLabel.Code, "--login", login, "--password", "sso:Abcdef1!"], output);

        Assert.Equal(1, exit);
        Assert.Contains("Password RESERVED_PASSWORD_PREFIX", output.ToString(), StringComparison.Ordinal);
        Assert.False(await server.InDbAsync(db => db.Accounts.AnyAsync(a => a.Login == login)));
    }

    [Fact]
    public async Task CreateWhiteLabel_MissingOptions_PrintsUsageAndFails()
    {
        var output = new StringWriter();

        var exit = await OperatorCommands.RunAsync(server.Services, ["create-white-label", "--code", "x"], output);

        Assert.Equal(2, exit);
        Assert.Contains("create-white-label --code CODE", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportMembers_ValidFile_ImportsAndUpdates_ABadLineImportsNothing()
    {
        var (a, b, c) = (Sirens.Unique(), Sirens.Unique(), Sirens.Unique());
        var good = Path.GetTempFileName();
        var bad = Path.GetTempFileName();
        await File.WriteAllTextAsync(good, $"SIREN;Code adhérent;Raison sociale\n{a};ADH-1;Alpha SARL\n{b} ;ADH-2;\"Béta; et fils\"\n");
        await File.WriteAllTextAsync(bad,
            $"{a};ADH-9;Alpha renommée\n{c};ADH-3;Gamma\n123456789;ADH-4;Mauvais SIREN\n{c};ADH-5;Gamma doublon\nseulement;deux\n");
        var output = new StringWriter();

        var imported = await OperatorCommands.RunAsync(server.Services, ["import-members", "--file", good], output);
        var refused = await OperatorCommands.RunAsync(server.Services, ["import-members", "--file", bad], output);

        Assert.Equal(0, imported);
        Assert.Equal(1, refused);
        var text = output.ToString();
        Assert.Contains("2 added, 0 updated", text, StringComparison.Ordinal);
        Assert.Contains("ligne 3", text, StringComparison.Ordinal);
        Assert.Contains("ligne 4", text, StringComparison.Ordinal);
        Assert.Contains("ligne 5", text, StringComparison.Ordinal);
        Assert.Equal("Béta; et fils", await server.InDbAsync(db => db.Companies.Where(x => x.Siren == b).Select(x => x.Name).SingleAsync()));
        Assert.Equal("Alpha SARL", await server.InDbAsync(db => db.Companies.Where(x => x.Siren == a).Select(x => x.Name).SingleAsync()));
        Assert.False(await server.InDbAsync(db => db.Companies.AnyAsync(x => x.Siren == c)));
    }

    [Fact]
    public async Task ImportEstablishments_ValidFile_ImportsAndUpdates_AuditedAsOperator_ABadLineImportsNothing()
    {
        var (a, b, c) = (Sirets.Unique(), Sirets.Unique(), Sirets.Unique());
        var good = Path.GetTempFileName();
        var bad = Path.GetTempFileName();
        await File.WriteAllTextAsync(good, $"siret;nom;adresse;code_postal;ville\n{a};Alpha Formation;1 rue A;75001;Paris\n"
            + $"{Sirets.Spaced(b)};\"Béta; et fils\";;;\n");
        await File.WriteAllTextAsync(bad, $"siret;nom;adresse;code_postal;ville\n{a};Alpha renommée;;;\n{c};Gamma;;;\n"
            + $"{c[..13]};Mauvais SIRET;;;\n{c};Gamma doublon;;;\n{Sirets.Unique()};;;;\n");
        var output = new StringWriter();

        var imported = await OperatorCommands.RunAsync(server.Services, ["import-establishments", "--file", good], output);
        var refused = await OperatorCommands.RunAsync(server.Services, ["import-establishments", "--file", bad], output);
        var missing = await OperatorCommands.RunAsync(server.Services, ["import-establishments", "--file", good + ".absent"], output);

        Assert.Equal((0, 1, 2), (imported, refused, missing));
        var text = output.ToString();
        Assert.Contains("Establishments imported: 2 added, 0 updated, 0 unchanged.", text, StringComparison.Ordinal);
        Assert.Contains("Nothing imported: fix these lines and run again.", text, StringComparison.Ordinal);
        Assert.Contains("ligne 4", text, StringComparison.Ordinal);
        Assert.Contains($"Le SIRET {c} figure déjà à la ligne 3.", text, StringComparison.Ordinal);
        Assert.Contains("ligne 6", text, StringComparison.Ordinal);
        Assert.Contains("import-establishments --file", text, StringComparison.Ordinal);
        Assert.Equal("Béta; et fils", await server.InDbAsync(db => db.Establishments.Where(e => e.Siret == b).Select(e => e.Name).SingleAsync()));
        Assert.Equal("Alpha Formation", await server.InDbAsync(db => db.Establishments.Where(e => e.Siret == a).Select(e => e.Name).SingleAsync()));
        Assert.False(await server.InDbAsync(db => db.Establishments.AnyAsync(e => e.Siret == c)));
        Assert.True(await server.InDbAsync(db => db.AuditEntries.AnyAsync(e => e.Event == AuditEvents.EstablishmentsImported
            && e.Actor == "operator" && e.Detail == "2 added, 0 updated, 0 unchanged")));
    }

    [Fact]
    public async Task CreateStaff_PrintsAOneTimePasswordThatSignsIn()
    {
        var email = StaffSteps.UniqueEmail();
        var output = new StringWriter();

        var exit = await OperatorCommands.RunAsync(server.Services,
            ["create-staff", "--email", email, "--name", "Camille Martin", "--role", "administrator"], output);

        Assert.Equal(0, exit);
        var password = Line(output, "One-time password (shown once)");
        var signedIn = await server.SignInStaffAsync(email, password);
        Assert.Equal(StaffNextStep.ChangePassword, signedIn.Value.Next);
        var stored = await server.InDbAsync(db => db.StaffMembers.SingleAsync(s => s.Email == email));
        Assert.Equal(("Camille Martin", StaffRole.Administrator), (stored.DisplayName, stored.Role));
    }

    [Fact]
    public async Task CreateStaff_UnknownRoleOrMissingOption_FailsAndCreatesNothing()
    {
        var email = StaffSteps.UniqueEmail();
        var output = new StringWriter();

        var badRole = await OperatorCommands.RunAsync(server.Services, ["create-staff", "--email", email, "--name", "N", "--role", "boss"], output);
        var noName = await OperatorCommands.RunAsync(server.Services, ["create-staff", "--email", email, "--role", "agent"], output);

        Assert.Equal((1, 2), (badRole, noName));
        Assert.Contains("Role INVALID_VALUE", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("create-staff --email E --name \"N\" --role agent|administrator", output.ToString(), StringComparison.Ordinal);
        Assert.False(await server.InDbAsync(db => db.StaffMembers.AnyAsync(s => s.Email == email)));
    }

    [Fact]
    public async Task ResetStaff_ReplacesThePasswordAndAuthenticator_TheOldPasswordNoLongerSignsIn()
    {
        var email = StaffSteps.UniqueEmail();
        var created = new StringWriter();
        await OperatorCommands.RunAsync(server.Services,
            ["create-staff", "--email", email, "--name", "Camille Martin", "--role", "administrator"], created);
        var first = Line(created, "One-time password (shown once)");
        var output = new StringWriter();

        var exit = await OperatorCommands.RunAsync(server.Services, ["reset-staff", "--email", email.ToUpperInvariant()], output);

        Assert.Equal(0, exit);
        var second = Line(output, "One-time password (shown once)");
        Assert.False((await server.SignInStaffAsync(email, first)).Succeeded);
        server.Clock.Advance(LoginThrottle.WaitAfter(1));
        Assert.Equal(StaffNextStep.ChangePassword, (await server.SignInStaffAsync(email, second)).Value.Next);
        Assert.True(await server.InDbAsync(db => db.AuditEntries.AnyAsync(
            a => a.Event == AuditEvents.StaffMemberReset && a.Subject == email && a.Actor == "operator")));
    }

    [Fact]
    public async Task ResetStaff_UnknownEmail_FailsAndResetsNothing()
    {
        var output = new StringWriter();

        var exit = await OperatorCommands.RunAsync(server.Services, ["reset-staff", "--email", StaffSteps.UniqueEmail()], output);

        Assert.Equal(1, exit);
        Assert.Contains("error:", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Purge_DeletesWhatExpired_KeepsTheRest_AndSaysWhatItDeletedInHowLongForHowMuchCpu()
    {
        var whiteLabel = (await server.SharedTenantAsync()).Credentials.WhiteLabel.Id;
        var now = server.Clock.GetUtcNow();
        var tag = SampleFiles.UniqueName("p");
        await server.AddNoncesAsync(whiteLabel, (tag + "old", now.AddMinutes(-1)), (tag + "live", now.AddMinutes(5)));
        var output = new StringWriter();

        var exit = await OperatorCommands.RunAsync(server.Services, ["purge"], output);

        Assert.Equal(0, exit);
        var said = Regex.Match(output.ToString(),
            @"^Maintenance purged (\d+) expired security record\(s\) and \d+ finished mail\(s\) in \d+\.\d s, \d+\.\d\d s of CPU\.$",
            RegexOptions.Multiline);
        Assert.True(said.Success, output.ToString());
        Assert.True(int.Parse(said.Groups[1].Value, CultureInfo.InvariantCulture) >= 1, output.ToString());
        var left = await server.InNoncesAsync(db => db.UsedNonces.Where(n => n.Nonce.StartsWith(tag)).Select(n => n.Nonce).ToListAsync());
        Assert.Equal([tag + "live"], left);
    }

    [Fact]
    public async Task Purge_StoreNotMigrated_FailsWithOneLineAndMigratesNothing()
    {
        var folder = Directory.CreateTempSubdirectory("guichet-purge-");
        try
        {
            var database = Path.Combine(folder.FullName, "empty.db");

            var (exit, output) = await StandaloneCommand.RunAsync(DatabaseProvider.Sqlite, $"Data Source={database}",
                [new("DataProtection:KeysFolder", Path.Combine(folder.FullName, "keys"))], "purge");

            Assert.Equal(1, exit);
            Assert.StartsWith("error: purge: ", output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
            await using var connection = new SqliteConnection($"Data Source={database}");
            await connection.OpenAsync();
            await using var tables = connection.CreateCommand();
            tables.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
            Assert.Equal(0L, (long)(await tables.ExecuteScalarAsync())!);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static string Line(StringWriter output, string label) =>
        output.ToString().Split('\n').Single(l => l.TrimStart().StartsWith(label, StringComparison.Ordinal)).Split(':', 2)[1].Trim();
}
