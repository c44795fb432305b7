using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Wire = Guichet.Server.Soap.Contract;

namespace Guichet.Server.Tests.Operations;

/// <summary>A server whose key ring is encrypted with a certificate: the key files hold no plain key, and secrets still work.</summary>
public sealed class KeyRingTests : IDisposable
{
    private readonly string _certificate = Path.Combine(Path.GetTempPath(), $"guichet-{Guid.NewGuid():N}.pfx");
    private readonly CertificateServer _server;

    public KeyRingTests()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Guichet key ring", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(_certificate, certificate.Export(X509ContentType.Pkcs12, "mot-de-passe"));
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
        Assert.All(keyFiles, file =>
        {
            var xml = File.ReadAllText(file);
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
        Assert.True(await _server.InDbAsync(db => db.WhiteLabels.AnyAsync(w => w.Id == tenant.Credentials.WhiteLabel.Id)));
    }

    public void Dispose()
    {
        _server.Dispose();
        File.Delete(_certificate);
    }

    private sealed class CertificateServer(string certificate) : GuichetServer(DatabaseProvider.Sqlite)
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [
            new("DataProtection:CertificatePath", certificate),
            new("DataProtection:CertificatePassword", "mot-de-passe"),
        ];
    }
}
