using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Guichet.Server.Hosting;

/// <summary>
/// Data Protection's key XML as <c>import-keys</c> and <c>reencrypt-keys</c> handle it: a key's secret decrypted with the
/// certificates Data Protection knows, and encrypted again as Data Protection stores a new key.
/// </summary>
internal static class KeyRingXml
{
    // The names Data Protection's own key XML uses (XmlConstants, internal to it), and XML Encryption's key info.
    private static readonly XNamespace s_dataProtection = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly XName s_encryptedSecret = s_dataProtection + "encryptedSecret";
    private static readonly XName s_requiresEncryption = s_dataProtection + "requiresEncryption";
    private static readonly XName s_x509Certificate = XNamespace.Get("http://www.w3.org/2000/09/xmldsig#") + "X509Certificate";

    /// <summary>The key files of a folder, as Data Protection's folder store reads them (every <c>*.xml</c>), in name order.</summary>
    public static IReadOnlyList<(string File, XElement Element)> LoadFolder(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, "*.xml").Order(StringComparer.Ordinal).Select(file => (file, Parse(File.ReadAllText(file), file)))]
            : [];

    /// <summary>One stored element of the key ring; text that is not XML is refused naming where it was found.</summary>
    public static XElement Parse(string text, string where)
    {
        try
        {
            return XElement.Parse(text);
        }
        catch (System.Xml.XmlException exception)
        {
            throw new InvalidDataException($"{where} is not a key ring element: {exception.Message}", exception);
        }
    }

    /// <summary>A key, or a revocation, for messages: <c>key-{id}</c>.</summary>
    public static string FriendlyName(XElement element) =>
        element.Name.LocalName + "-" + (element.Attribute("id") ?? element.Element("key")?.Attribute("id"))?.Value;

    /// <summary>A key whose every encrypted secret names <paramref name="certificate"/> as the one that reads it.</summary>
    public static bool IsEncryptedWith(XElement element, X509Certificate2 certificate)
    {
        var secrets = element.Descendants(s_encryptedSecret).ToList();
        var expected = Convert.ToBase64String(certificate.RawData);
        return secrets.Count > 0 && secrets.All(secret => secret.Descendants(s_x509Certificate)
            .Any(named => string.Equals(named.Value.Trim(), expected, StringComparison.Ordinal)));
    }

    /// <summary>A copy of the key with its secrets in clear; throws when no certificate Data Protection knows reads one.</summary>
    public static XElement Decrypt(XElement element, EncryptedXmlDecryptor decryptor)
    {
        var copy = new XElement(element);
        while (copy.Descendants(s_encryptedSecret).FirstOrDefault() is { } encrypted)
        {
            var type = (string?)encrypted.Attribute("decryptorType") ?? string.Empty;
            if (!type.StartsWith(typeof(EncryptedXmlDecryptor).FullName + ",", StringComparison.Ordinal))
            {
                throw new CryptographicException($"it is encrypted by '{type}', not by a certificate");
            }

            encrypted.ReplaceWith(decryptor.Decrypt(encrypted.Elements().Single()));
        }

        return copy;
    }

    /// <summary>As Data Protection stores a new key: each element marked requiresEncryption becomes an encryptedSecret.</summary>
    public static XElement Encrypt(XElement element, IXmlEncryptor encryptor)
    {
        var copy = new XElement(element);
        foreach (var secret in copy.Descendants().Where(e => (bool?)e.Attribute(s_requiresEncryption) == true).ToList())
        {
            var encrypted = encryptor.Encrypt(new XElement(secret));
            secret.ReplaceWith(new XElement(s_encryptedSecret,
                new XAttribute("decryptorType", encrypted.DecryptorType.AssemblyQualifiedName!), encrypted.EncryptedElement));
        }

        return copy;
    }
}
