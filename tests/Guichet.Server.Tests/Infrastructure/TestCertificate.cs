using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Guichet.Server.Tests.Infrastructure;

/// <summary>
/// A self-signed certificate with its private key in a temporary PKCS#12 file, as <c>DataProtection:CertificatePath</c>
/// takes it: the certificate that encrypts the key ring. Instances given the same one read each other's keys.
/// </summary>
public sealed class TestCertificate : IDisposable
{
    public TestCertificate(bool withPrivateKey = true)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Guichet key ring", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        using var publicOnly = X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert));
        File.WriteAllBytes(Path, (withPrivateKey ? certificate : publicOnly).Export(X509ContentType.Pkcs12, Password));
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"guichet-{Guid.NewGuid():N}.pfx");

    public string Password { get; } = "mot-de-passe";

    /// <summary>The settings of the database key store encrypted with this certificate.</summary>
    public IEnumerable<KeyValuePair<string, string>> DatabaseKeyStore =>
    [
        new("DataProtection:KeyStore", "Database"),
        new("DataProtection:CertificatePath", Path),
        new("DataProtection:CertificatePassword", Password),
    ];

    public void Dispose() => File.Delete(Path);
}
