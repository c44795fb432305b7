using Guichet.Application.Security;
using Guichet.Server.Hosting;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wire = Guichet.Server.Soap.Contract;

namespace Guichet.Server.Tests.Operations;

/// <summary>A server whose key folder is encrypted with a certificate: the key files hold no plain key, and secrets still work.</summary>
public sealed class KeyRingTests : IDisposable
{
    private readonly TestCertificate _certificate = new();
    private readonly CertificateServer _server;

    public KeyRingTests()
    {
        _server = new CertificateServer(_certificate);
    }

    [Fact]
    public async Task CertificateProtectedKeyRing_KeyFilesAreEncrypted_SecretsStillAuthenticate()
    {
        var tenant = await Tenant.CreateAsync(_server);

        var registered = await tenant.RegisterPrimaryAsync();

        Assert.Equal(Wire.AccountState.WAIT_FOR_FILES, registered.State);
        var keyFiles = Directory.GetFiles(_server.KeysFolder, "key-*.xml");
        Assert.NotEmpty(keyFiles);
        Assert.All(keyFiles, file => KeyRingAssert.Encrypted(File.ReadAllText(file)));
        Assert.True(await _server.InDbAsync(db => db.WhiteLabels.AnyAsync(w => w.Id == tenant.Credentials.WhiteLabel.Id)));
    }

    [Fact]
    public void CertificateWithoutItsPrivateKey_StopsTheStart_SayingSo()
    {
        using var publicOnly = new TestCertificate(withPrivateKey: false);

        var failure = Record.Exception(() => new CertificateServer(publicOnly).Dispose());

        Assert.NotNull(failure);
        Assert.Contains($"DataProtection:CertificatePath: '{publicOnly.Path}' has no private key", failure.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _server.Dispose();
        _certificate.Dispose();
    }

    private sealed class CertificateServer(TestCertificate certificate) : GuichetServer(DatabaseProvider.Sqlite)
    {
        private readonly TestCertificate _certificate = certificate;

        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [
            new("DataProtection:CertificatePath", _certificate.Path),
            new("DataProtection:CertificatePassword", _certificate.Password),
        ];
    }
}

/// <summary>What a key ring at rest must look like: every key encrypted by the certificate, none in clear.</summary>
internal static class KeyRingAssert
{
    public static void Encrypted(string xml)
    {
        Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
    }

    public static void Plain(string xml) => Assert.Contains("<masterKey", xml, StringComparison.Ordinal);
}

/// <summary>
/// The key ring in the database (<c>DataProtection:KeyStore=Database</c>): rows encrypted with the certificate, no key
/// file; a deployment's folder of keys moved in by <c>import-keys</c>, before which a database store refuses to start.
/// </summary>
public abstract class DatabaseKeyRingTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestCertificate _certificate = new();

    [Fact]
    public async Task DatabaseStore_KeysAreRowsEncryptedWithTheCertificate_NoKeyFileIsWritten_AndSecretsWork()
    {
        using var server = new GuichetServer(provider, _certificate);
        var tenant = await Tenant.CreateAsync(server);

        var registered = await tenant.RegisterPrimaryAsync();
        var state = await tenant.Admin.GetAccountStateAsync(registered.Login);

        Assert.Equal(Wire.AccountState.WAIT_FOR_FILES, state.State);
        var keys = await server.InDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        Assert.Single(keys);
        Assert.All(keys, KeyRingAssert.Encrypted);
        Assert.False(Directory.Exists(server.KeysFolder));
    }

    [Fact]
    public async Task FolderKeysOfAnExistingDeployment_ImportKeysMovesThemIn_ThenADatabaseStoreInstanceReadsItsSecrets()
    {
        // A deployment as it was: keys in a folder, in clear, and a white label whose secret they encrypt.
        using var before = new GuichetServer(provider);
        var tenant = await Tenant.CreateAsync(before);
        var primary = await tenant.RegisterPrimaryAsync();
        var files = Directory.GetFiles(before.KeysFolder, "key-*.xml");
        Assert.All(files, file => KeyRingAssert.Plain(File.ReadAllText(file)));

        // Switched to the database store without importing: the start is refused, and no key is made.
        var refused = Record.Exception(() => new GuichetServer(provider, _certificate, before.ConnectionString).Dispose());
        var keysAfterRefusal = await before.InDbAsync(db => db.DataProtectionKeys.CountAsync());

        var (exit, output) = await RunCommandAsync(before.ConnectionString, ["import-keys", "--folder", before.KeysFolder]);
        var (again, againOutput) = await RunCommandAsync(before.ConnectionString, ["import-keys", "--folder", before.KeysFolder]);
        using var after = new GuichetServer(provider, _certificate, before.ConnectionString);
        var state = await RegisteringClient.Create(after.RegisteringEndpoint, tenant.WhiteLabelOnly.As(tenant.AdminLogin, tenant.AdminPassword))
            .GetAccountStateAsync(primary.Login);

        Assert.NotNull(refused);
        Assert.Contains("the database holds secrets but no key to read them", refused.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, keysAfterRefusal);
        Assert.Equal((0, $"Keys imported from {before.KeysFolder}: {files.Length} imported, 0 already in the database."),
            (exit, output.Trim()));
        Assert.Equal((0, $"Keys imported from {before.KeysFolder}: 0 imported, {files.Length} already in the database."),
            (again, againOutput.Trim()));
        Assert.Equal(Wire.AccountState.WAIT_FOR_FILES, state.State);
        var rows = await after.InDbAsync(db => db.DataProtectionKeys.ToListAsync());
        Assert.Equal(files.Length, rows.Count);
        Assert.All(rows, row => KeyRingAssert.Encrypted(row.Xml!));
    }

    [Fact]
    public async Task ImportKeys_KeysEncryptedWithAnotherCertificate_ImportsNothing_AndSaysWhy()
    {
        using var other = new TestCertificate();
        using var before = new CertificateFolderServer(provider, other);
        await Tenant.CreateAsync(before);

        var (exit, output) = await RunCommandAsync(before.ConnectionString, ["import-keys", "--folder", before.KeysFolder]);

        Assert.Equal(1, exit);
        Assert.Contains("cannot be decrypted with DataProtection:CertificatePath", output, StringComparison.Ordinal);
        Assert.Equal(0, await before.InDbAsync(db => db.DataProtectionKeys.CountAsync()));
    }

    [Fact]
    public async Task ImportKeys_AKeyFileThatIsNotXml_EndsInOneLineOfError_AndImportsNothing()
    {
        using var before = new GuichetServer(provider);
        await Tenant.CreateAsync(before);
        await File.WriteAllTextAsync(Path.Combine(before.KeysFolder, "key-00000000-0000-0000-0000-000000000000.xml"), "not a key <");

        var (exit, output) = await RunCommandAsync(before.ConnectionString, ["import-keys", "--folder", before.KeysFolder]);

        Assert.Equal(1, exit);
        Assert.StartsWith("error: import-keys: ", output, StringComparison.Ordinal);
        Assert.Contains("key-00000000-0000-0000-0000-000000000000.xml is not a key ring element", output, StringComparison.Ordinal);
        OperatorAssert.NoStackTrace(output);
        Assert.Equal(0, await before.InDbAsync(db => db.DataProtectionKeys.CountAsync()));
    }

    [Fact]
    public async Task ImportKeys_WithoutTheDatabaseStore_SaysWhatToSet_AndWritesNothing()
    {
        using var before = new GuichetServer(provider);

        var (exit, output) = await RunCommandAsync(before.ConnectionString, ["import-keys", "--folder", before.KeysFolder], databaseStore: false);

        Assert.Equal(2, exit);
        Assert.Contains("set DataProtection:KeyStore=Database", output, StringComparison.Ordinal);
        Assert.Equal(0, await before.InDbAsync(db => db.DataProtectionKeys.CountAsync()));
    }

    public void Dispose()
    {
        _certificate.Dispose();
        GC.SuppressFinalize(this);
    }

    private Task<(int Exit, string Output)> RunCommandAsync(string connectionString, string[] args, bool databaseStore = true) =>
        StandaloneCommand.RunAsync(provider, connectionString, databaseStore ? _certificate.DatabaseKeyStore : [], args);

    private sealed class CertificateFolderServer(DatabaseProvider provider, TestCertificate certificate) : GuichetServer(provider)
    {
        private readonly TestCertificate _certificate = certificate;

        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [
            new("DataProtection:CertificatePath", _certificate.Path),
            new("DataProtection:CertificatePassword", _certificate.Password),
        ];
    }
}

public sealed class DatabaseKeyRingTestsOnSqlite() : DatabaseKeyRingTests(DatabaseProvider.Sqlite);

public sealed class DatabaseKeyRingTestsOnPostgres() : DatabaseKeyRingTests(DatabaseProvider.PostgreSql)
{
    [Fact]
    public async Task InstancesStartingTogetherOnANewDatabase_TakeTurnsReadingTheKeyRing_SoThereIsOneFirstKey()
    {
        using var certificate = new TestCertificate();
        var connectionString = PostgresCluster.Shared.CreateDatabase();
        // Another instance holds the key ring's lock (as while it creates the first key).
        await using var other = new NpgsqlConnection(connectionString);
        await other.OpenAsync();
        await ExecuteAsync(other, $"SELECT pg_advisory_lock({KeyRingSetup.FirstKeyLock})");

        var starting = Task.Run(() => new GuichetServer(DatabaseProvider.PostgreSql, certificate, connectionString));
        var waiting = await WaitUntilWaitingAsync(other, starting);
        var keysWhileWaiting = await ScalarAsync(other, "SELECT count(*) FROM data_protection_keys");
        var finishedWhileLocked = starting.IsCompleted;
        await ExecuteAsync(other, $"SELECT pg_advisory_unlock({KeyRingSetup.FirstKeyLock})");

        using var server = await starting;

        Assert.True(waiting, "The starting instance did not wait for the key ring's lock.");
        Assert.False(finishedWhileLocked);
        Assert.Equal(0, keysWhileWaiting);
        Assert.Equal(1, await server.InDbAsync(db => db.DataProtectionKeys.CountAsync()));
        Assert.NotEmpty(server.Services.GetRequiredService<SecretProtector>().Protect("lu par tous"));
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>True once another session waits for an advisory lock; false if the server started (or failed) first.</summary>
    private static async Task<bool> WaitUntilWaitingAsync(NpgsqlConnection connection, Task starting)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!starting.IsCompleted && DateTime.UtcNow < deadline)
        {
            if (await ScalarAsync(connection, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") == 1)
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }
}
