using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace Guichet.Server.Hosting;

/// <summary>What <c>import-keys</c> did: keys (and revocations) copied, those already in the database, or why nothing was.</summary>
public sealed record KeyRingImportResult(int Imported, int AlreadyPresent, IReadOnlyList<string> Failures);

/// <summary>
/// Moves a deployment from the <c>Folder</c> key store to the <c>Database</c> one (the command <c>import-keys</c>): copies
/// every key file of the folder into the database's key ring, re-encrypted with <c>DataProtection:CertificatePath</c>
/// (a plain key file is encrypted; one already encrypted with that certificate is decrypted and encrypted again), so that
/// the secrets, sessions and mail those keys protect stay readable. Keys already in the database are left alone, so it
/// can be run twice. Every key is read first: one that cannot be decrypted imports nothing.
/// </summary>
public static class KeyRingImport
{
    public static KeyRingImportResult Import(IServiceProvider services, string folder)
    {
        var management = services.GetRequiredService<IOptions<KeyManagementOptions>>().Value;
        var target = management.XmlRepository
            ?? throw new InvalidOperationException("import-keys needs DataProtection:KeyStore=Database.");
        var encryptor = management.XmlEncryptor
            ?? throw new InvalidOperationException("import-keys needs DataProtection:CertificatePath.");
        var present = target.GetAllElements().Select(Identity).ToHashSet(StringComparer.Ordinal);
        var decryptor = new EncryptedXmlDecryptor(services);
        List<(XElement Element, string Name)> imports = [];
        List<string> failures = [];
        var alreadyPresent = 0;
        foreach (var (_, element) in KeyRingXml.LoadFolder(folder))
        {
            if (present.Contains(Identity(element)))
            {
                alreadyPresent++;
                continue;
            }

            try
            {
                imports.Add((KeyRingXml.Encrypt(KeyRingXml.Decrypt(element, decryptor), encryptor), KeyRingXml.FriendlyName(element)));
            }
            catch (CryptographicException exception)
            {
                failures.Add($"{KeyRingXml.FriendlyName(element)}: cannot be decrypted with DataProtection:CertificatePath ({exception.Message}).");
            }
        }

        if (failures.Count > 0)
        {
            return new KeyRingImportResult(0, alreadyPresent, failures);
        }

        foreach (var (element, name) in imports)
        {
            target.StoreElement(element, name);
        }

        return new KeyRingImportResult(imports.Count, alreadyPresent, []);
    }

    /// <summary>A key by its id; a revocation by its whole text.</summary>
    private static string Identity(XElement element) =>
        element.Name.LocalName == "key" && element.Attribute("id") is { } id
            ? "key " + id.Value
            : element.ToString(SaveOptions.DisableFormatting);
}
