using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Guichet.Server.Hosting;

/// <summary>
/// Where the keys that encrypt white-label secrets live. They stay outside the database, so a dump of it alone reveals
/// nothing; with <c>DataProtection:CertificatePath</c> the key files are themselves encrypted with that certificate,
/// so a copy of the folder alone reveals nothing either.
/// </summary>
public static class KeyRingSetup
{
    public static void AddGuichetKeyRing(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var keys = configuration["DataProtection:KeysFolder"] ?? Path.Combine("data", "keys");
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName("Guichet")
            .PersistKeysToFileSystem(new DirectoryInfo(keys));
        var certificatePath = configuration["DataProtection:CertificatePath"];
        if (!string.IsNullOrEmpty(certificatePath))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(certificatePath, configuration["DataProtection:CertificatePassword"]);
            dataProtection.ProtectKeysWithCertificate(certificate);
        }
    }
}
