using System.Security.Cryptography.X509Certificates;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Wire = Guichet.Server.Soap.Contract;

namespace Guichet.Server.Tests.Operations;

/// <summary>
/// Replacing the certificate that encrypts the key ring: the old one kept as <c>DataProtection:PreviousCertificatePath</c>
/// reads the keys it encrypted; <c>reencrypt-keys</c> encrypts every key again with the new one, in place, after which the
/// old certificate can go and the secrets those keys protect are still read.
/// </summary>
public abstract class KeyRingCertificateReplacementTests(DatabaseProvider provider)
{
    private const string Reencrypted = "Keys encrypted with DataProtection:CertificatePath:";

    [Theory]
    [InlineData("Database", true)]
    [InlineData("Folder", true)]
    [InlineData("Folder", false)]
    public async Task CertificateReplaced_ReencryptKeysMovesEveryKeyToTheNewOne_ThenTheOldOneCanGo(string store, bool hadCertificate)
    {
        using var oldCertificate = new TestCertificate();
        using var newCertificate = new TestCertificate();
        var previous = hadCertificate ? oldCertificate : null;
        using var first = new FirstInstance(provider, KeyRing(store, previous));
        var tenant = await Tenant.CreateAsync(first);
        var primary = await tenant.RegisterPrimaryAsync();
        var keyCount = (await KeysAsync(first, store)).Count;

        using var replaced = new NextInstance(first, KeyRing(store, newCertificate, previous));
        var stateWhileReplacing = await StateAsync(replaced, tenant, primary.Login);
        var (exit, output) = await ReencryptAsync(first, KeyRing(store, newCertificate, previous));
        var (again, againOutput) = await ReencryptAsync(first, KeyRing(store, newCertificate, previous));
        using var after = new NextInstance(first, KeyRing(store, newCertificate));
        var stateAfter = await StateAsync(after, tenant, primary.Login);
        var keys = await KeysAsync(first, store);

        Assert.Equal(Wire.AccountState.WAIT_FOR_FILES, stateWhileReplacing);
        Assert.Equal((0, $"{Reencrypted} {keyCount} re-encrypted, 0 already."), (exit, output.Trim()));
        Assert.Equal((0, $"{Reencrypted} 0 re-encrypted, {keyCount} already."), (again, againOutput.Trim()));
        Assert.Equal(Wire.AccountState.WAIT_FOR_FILES, stateAfter);
        Assert.Equal(keyCount, keys.Count);
        Assert.All(keys, xml =>
        {
            KeyRingAssert.Encrypted(xml);
            Assert.Contains(Named(newCertificate), xml, StringComparison.Ordinal);
            Assert.DoesNotContain(Named(oldCertificate), xml, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("Database")]
    [InlineData("Folder")]
    public async Task ReencryptKeys_AKeyNeitherCertificateReads_ChangesNothing_AndSaysWhich(string store)
    {
        using var oldCertificate = new TestCertificate();
        using var newCertificate = new TestCertificate();
        using var first = new FirstInstance(provider, KeyRing(store, oldCertificate));
        await Tenant.CreateAsync(first);
        var before = await KeysAsync(first, store);

        var (exit, output) = await ReencryptAsync(first, KeyRing(store, newCertificate));

        Assert.Equal(1, exit);
        Assert.Contains("cannot be decrypted with DataProtection:CertificatePath or DataProtection:PreviousCertificatePath", output,
            StringComparison.Ordinal);
        Assert.Equal(before, await KeysAsync(first, store));
    }

    [Fact]
    public async Task ReencryptKeys_WithoutACertificate_SaysWhatToSet_AndChangesNothing()
    {
        using var first = new FirstInstance(provider, KeyRing("Folder", null));
        await Tenant.CreateAsync(first);
        var before = await KeysAsync(first, "Folder");

        var (exit, output) = await ReencryptAsync(first, KeyRing("Folder", null));

        Assert.Equal(2, exit);
        Assert.Contains("reencrypt-keys encrypts the key ring with DataProtection:CertificatePath: set it", output, StringComparison.Ordinal);
        Assert.Equal(before, await KeysAsync(first, "Folder"));
    }

    [Fact]
    public async Task ReencryptKeys_AKeyFileThatIsNotXml_EndsInOneLineOfError_AndChangesNothing()
    {
        using var oldCertificate = new TestCertificate();
        using var newCertificate = new TestCertificate();
        using var first = new FirstInstance(provider, KeyRing("Folder", oldCertificate));
        await Tenant.CreateAsync(first);
        await File.WriteAllTextAsync(Path.Combine(first.KeysFolder, "key-00000000-0000-0000-0000-000000000000.xml"), "not a key <");
        var before = await KeysAsync(first, "Folder");

        var (exit, output) = await ReencryptAsync(first, KeyRing("Folder", newCertificate, oldCertificate));

        Assert.Equal(1, exit);
        Assert.StartsWith("error: reencrypt-keys: ", output, StringComparison.Ordinal);
        Assert.Contains("key-00000000-0000-0000-0000-000000000000.xml is not a key ring element", output, StringComparison.Ordinal);
        OperatorAssert.NoStackTrace(output);
        Assert.Equal(before, await KeysAsync(first, "Folder"));
    }

    [Fact]
    public async Task ReencryptKeys_ThePreviousCertificateWithoutTheNewOne_IsRefusedInOneLine()
    {
        using var oldCertificate = new TestCertificate();
        using var first = new FirstInstance(provider, KeyRing("Folder", oldCertificate));

        var (exit, output) = await ReencryptAsync(first, KeyRing("Folder", null, oldCertificate));

        Assert.Equal(1, exit);
        Assert.StartsWith("error: reencrypt-keys: ", output, StringComparison.Ordinal);
        Assert.Contains("DataProtection:PreviousCertificatePath is the certificate DataProtection:CertificatePath replaced", output,
            StringComparison.Ordinal);
        OperatorAssert.NoStackTrace(output);
    }

    private static KeyValuePair<string, string>[] KeyRing(string store, TestCertificate? current, TestCertificate? previous = null) =>
    [
        new("DataProtection:KeyStore", store),
        .. current is null ? [] : new KeyValuePair<string, string>[]
        {
            new("DataProtection:CertificatePath", current.Path),
            new("DataProtection:CertificatePassword", current.Password),
        },
        .. previous is null ? [] : new KeyValuePair<string, string>[]
        {
            new("DataProtection:PreviousCertificatePath", previous.Path),
            new("DataProtection:PreviousCertificatePassword", previous.Password),
        },
    ];

    /// <summary>The operator's run of <c>reencrypt-keys</c>, beside the running instances.</summary>
    private Task<(int Exit, string Output)> ReencryptAsync(GuichetServer first, KeyValuePair<string, string>[] keyRing) =>
        StandaloneCommand.RunAsync(provider, first.ConnectionString, [.. keyRing, new("DataProtection:KeysFolder", first.KeysFolder)],
            "reencrypt-keys");

    private static async Task<Wire.AccountState> StateAsync(GuichetServer server, Tenant tenant, string login) =>
        (await RegisteringClient.Create(server.RegisteringEndpoint, tenant.WhiteLabelOnly.As(tenant.AdminLogin, tenant.AdminPassword))
            .GetAccountStateAsync(login)).State;

    /// <summary>The key ring as stored: the rows' XML, or the key files' text.</summary>
    private static async Task<List<string>> KeysAsync(GuichetServer server, string store) => store == "Database"
        ? await server.InDbAsync(db => db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml!).ToListAsync())
        : [.. Directory.GetFiles(server.KeysFolder, "key-*.xml").Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    /// <summary>How an encrypted key names the certificate that reads it (XML Encryption's X509Certificate, base64).</summary>
    private static string Named(TestCertificate certificate)
    {
        using var loaded = X509CertificateLoader.LoadPkcs12FromFile(certificate.Path, certificate.Password);
        return Convert.ToBase64String(loaded.RawData);
    }

    /// <summary>The first instance, on a new database, with these key ring settings.</summary>
    private sealed class FirstInstance(DatabaseProvider provider, KeyValuePair<string, string>[] keyRing) : GuichetServer(provider)
    {
        // An initializer runs before the base constructor, which starts the server and reads Settings.
        private readonly KeyValuePair<string, string>[] _keyRing = keyRing;

        protected override IEnumerable<KeyValuePair<string, string>> Settings => _keyRing;
    }

    /// <summary>Another instance on the first one's database and key folder (or the same one restarted), with these settings.</summary>
    private sealed class NextInstance(GuichetServer first, KeyValuePair<string, string>[] keyRing)
        : GuichetServer(first.Provider, first.ConnectionString, first.KeysFolder)
    {
        private readonly KeyValuePair<string, string>[] _keyRing = keyRing;

        protected override IEnumerable<KeyValuePair<string, string>> Settings => _keyRing;
    }
}

public sealed class KeyRingCertificateReplacementTestsOnSqlite() : KeyRingCertificateReplacementTests(DatabaseProvider.Sqlite);

public sealed class KeyRingCertificateReplacementTestsOnPostgres() : KeyRingCertificateReplacementTests(DatabaseProvider.PostgreSql);
