using System.Globalization;
using System.Security.Cryptography;
using System.Xml.Linq;
using Guichet.Data;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Guichet.Server.Hosting;

/// <summary>What <c>reencrypt-keys</c> did: keys encrypted again, keys already under the certificate, or why nothing was.</summary>
public sealed record KeyRingReencryptionResult(int Reencrypted, int AlreadyCurrent, IReadOnlyList<string> Failures);

/// <summary>
/// Replacing the certificate that encrypts the key ring (the command <c>reencrypt-keys</c>): every key of the store,
/// folder or database, that is not encrypted with <c>DataProtection:CertificatePath</c> (encrypted with
/// <c>DataProtection:PreviousCertificatePath</c>, or in clear in a folder that had no certificate) is decrypted and
/// encrypted again with it, in place. The key itself does not change, so what it protects stays readable and running
/// instances need not stop; afterwards the previous certificate can be removed. Every key is read first: one that cannot
/// be decrypted changes nothing. Run twice, the second run finds every key already under the certificate.
/// </summary>
public static class KeyRingReencryption
{
    public static async Task<KeyRingReencryptionResult> ReencryptAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<IOptions<KeyRingOptions>>().Value;
        var encryptor = services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlEncryptor
            ?? throw new InvalidOperationException("reencrypt-keys needs DataProtection:CertificatePath.");
        using var certificate = KeyRingSetup.LoadCertificate(options);
        var decryptor = new EncryptedXmlDecryptor(services);

        var store = options.InDatabase ? (IKeyStore)new DatabaseKeys(services) : new FolderKeys(options.KeysFolder);
        await using (store)
        {
            List<(string Where, XElement Element)> changed = [];
            List<string> failures = [];
            var alreadyCurrent = 0;
            foreach (var (where, element) in await store.ReadAsync(cancellationToken))
            {
                if (KeyRingXml.IsEncryptedWith(element, certificate))
                {
                    alreadyCurrent++;
                }
                else if (element.Name.LocalName == "key")
                {
                    try
                    {
                        changed.Add((where, KeyRingXml.Encrypt(KeyRingXml.Decrypt(element, decryptor), encryptor)));
                    }
                    catch (CryptographicException exception)
                    {
                        failures.Add($"{KeyRingXml.FriendlyName(element)}: cannot be decrypted with DataProtection:CertificatePath or "
                            + $"DataProtection:PreviousCertificatePath ({exception.Message}).");
                    }
                }
            }

            if (failures.Count > 0)
            {
                return new KeyRingReencryptionResult(0, alreadyCurrent, failures);
            }

            await store.WriteAsync(changed, cancellationToken);
            return new KeyRingReencryptionResult(changed.Count, alreadyCurrent, []);
        }
    }

    /// <summary>The key ring's elements where they are stored, rewritten in place (a revocation holds no secret: left alone).</summary>
    private interface IKeyStore : IAsyncDisposable
    {
        Task<IReadOnlyList<(string Where, XElement Element)>> ReadAsync(CancellationToken cancellationToken);

        Task WriteAsync(IReadOnlyList<(string Where, XElement Element)> elements, CancellationToken cancellationToken);
    }

    /// <summary>The rows of <c>data_protection_keys</c>, rewritten in one transaction.</summary>
    private sealed class DatabaseKeys(IServiceProvider services) : IKeyStore
    {
        private readonly AsyncServiceScope _scope = services.CreateAsyncScope();
        private readonly Dictionary<string, DataProtectionKey> _rows = [];

        private GuichetDbContext Db => _scope.ServiceProvider.GetRequiredService<GuichetDbContext>();

        public async Task<IReadOnlyList<(string Where, XElement Element)>> ReadAsync(CancellationToken cancellationToken)
        {
            foreach (var row in await Db.DataProtectionKeys.OrderBy(k => k.Id).ToListAsync(cancellationToken))
            {
                _rows[row.Id.ToString(CultureInfo.InvariantCulture)] = row;
            }

            return [.. _rows.Where(row => !string.IsNullOrEmpty(row.Value.Xml))
                .Select(row => (row.Key, KeyRingXml.Parse(row.Value.Xml!, $"data_protection_keys row {row.Key}")))];
        }

        public async Task WriteAsync(IReadOnlyList<(string Where, XElement Element)> elements, CancellationToken cancellationToken)
        {
            foreach (var (where, element) in elements)
            {
                _rows[where].Xml = element.ToString(SaveOptions.DisableFormatting);
            }

            await Db.SaveChangesAsync(cancellationToken);
        }

        public ValueTask DisposeAsync() => _scope.DisposeAsync();
    }

    /// <summary>
    /// The key files of <c>DataProtection:KeysFolder</c>, each replaced by a complete new file (written beside it, then
    /// renamed over it): an instance reading the folder meanwhile sees the old file or the new one, never half of one.
    /// </summary>
    private sealed class FolderKeys(string folder) : IKeyStore
    {
        public Task<IReadOnlyList<(string Where, XElement Element)>> ReadAsync(CancellationToken cancellationToken) =>
            Task.FromResult(KeyRingXml.LoadFolder(folder));

        public async Task WriteAsync(IReadOnlyList<(string Where, XElement Element)> elements, CancellationToken cancellationToken)
        {
            foreach (var (file, element) in elements)
            {
                var temporary = file + ".reencrypting";
                await File.WriteAllTextAsync(temporary, element.ToString(), cancellationToken);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(temporary, File.GetUnixFileMode(file));
                }

                File.Move(temporary, file, overwrite: true);
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
