using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Guichet.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Guichet.Server.Hosting;

/// <summary>Section <c>DataProtection</c>: where the key ring lives and what encrypts it.</summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    public const string FolderStore = "Folder";

    public const string DatabaseStore = "Database";

    /// <summary>
    /// <c>Folder</c> (the default): key files in <see cref="KeysFolder"/>, which every instance must share.
    /// <c>Database</c>: the table <c>data_protection_keys</c>, which every instance of the database shares; the keys are then
    /// encrypted with <see cref="CertificatePath"/>, required.
    /// </summary>
    public string KeyStore { get; set; } = FolderStore;

    /// <summary>The folder of the key files (<c>Folder</c> store), and the one <c>import-keys</c> reads by default.</summary>
    public string KeysFolder { get; set; } = Path.Combine("data", "keys");

    /// <summary>A PKCS#12 certificate, with its private key, that encrypts the keys themselves.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>
    /// The certificate <see cref="CertificatePath"/> replaced, kept to READ the keys it encrypted, never to encrypt: set
    /// while the keys are encrypted again with the new one (<c>reencrypt-keys</c>), then removed.
    /// </summary>
    public string? PreviousCertificatePath { get; set; }

    public string? PreviousCertificatePassword { get; set; }

    public bool InDatabase => string.Equals(KeyStore, DatabaseStore, StringComparison.OrdinalIgnoreCase);
}

public sealed class KeyRingOptionsValidator : IValidateOptions<KeyRingOptions>
{
    private static readonly string[] s_stores = [KeyRingOptions.FolderStore, KeyRingOptions.DatabaseStore];

    public ValidateOptionsResult Validate(string? name, KeyRingOptions options)
    {
        List<string> failures = [];
        if (!s_stores.Contains(options.KeyStore, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"DataProtection:KeyStore: '{options.KeyStore}' is not known; use {string.Join(" or ", s_stores)}.");
        }
        else if (options.InDatabase && string.IsNullOrEmpty(options.CertificatePath))
        {
            failures.Add("DataProtection:KeyStore=Database needs DataProtection:CertificatePath: the keys would otherwise lie in "
                + "the database beside the secrets they encrypt, and a dump of it alone would reveal them. Give every instance the "
                + "same PKCS#12 certificate (with its private key).");
        }
        else if (!options.InDatabase && string.IsNullOrWhiteSpace(options.KeysFolder))
        {
            failures.Add("DataProtection:KeysFolder is required.");
        }

        if (!string.IsNullOrEmpty(options.CertificatePath) && !File.Exists(options.CertificatePath))
        {
            failures.Add($"DataProtection:CertificatePath: there is no file '{options.CertificatePath}'.");
        }

        if (!string.IsNullOrEmpty(options.PreviousCertificatePath))
        {
            if (string.IsNullOrEmpty(options.CertificatePath))
            {
                failures.Add("DataProtection:PreviousCertificatePath is the certificate DataProtection:CertificatePath replaced: "
                    + "set the new one as DataProtection:CertificatePath.");
            }

            if (!File.Exists(options.PreviousCertificatePath))
            {
                failures.Add($"DataProtection:PreviousCertificatePath: there is no file '{options.PreviousCertificatePath}'.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>
/// Where the keys that encrypt white-label secrets (and cookies, mail at rest, receipts) live. With the <c>Folder</c>
/// store they stay outside the database, so a dump of it alone reveals nothing; with <c>DataProtection:CertificatePath</c>
/// the key files are themselves encrypted with that certificate, so a copy of the folder alone reveals nothing either.
/// The <c>Database</c> store is for several instances that share no folder: the keys are rows of the database, encrypted
/// with the certificate every instance holds, so that a dump of the database alone still reveals nothing.
/// </summary>
public static class KeyRingSetup
{
    /// <summary>The PostgreSQL advisory lock under which a starting instance reads the key ring and, if empty, creates its first key.</summary>
    internal const long FirstKeyLock = 0x4775_6963_6865_744B; // "GuichetK"

    public static WebApplicationBuilder AddGuichetKeyRing(this WebApplicationBuilder builder)
    {
        var options = builder.AddValidatedOptions<KeyRingOptions, KeyRingOptionsValidator>(KeyRingOptions.Section);
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("Guichet");
        if (options.InDatabase)
        {
            dataProtection.PersistKeysToDbContext<GuichetDbContext>();
        }
        else
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(options.KeysFolder));
        }

        if (!string.IsNullOrEmpty(options.CertificatePath))
        {
            // New keys are encrypted with this certificate, and read with it.
            dataProtection.ProtectKeysWithCertificate(LoadCertificate(options));
        }

        if (!string.IsNullOrEmpty(options.PreviousCertificatePath))
        {
            // Keys encrypted with the replaced certificate are still read, until reencrypt-keys has moved them all.
            dataProtection.UnprotectKeysWithAnyCertificate(LoadPreviousCertificate(options));
        }

        return builder;
    }

    /// <summary>
    /// Before an instance serves or an operator command writes (after the migrations), with the <c>Database</c> store:
    /// refuses a database that holds secrets but no key (the keys are still in the folder: <c>import-keys</c>), then reads
    /// the key ring, creating its first key if there is none. On PostgreSQL this runs under an advisory lock, so that
    /// instances started together on a new database do not each create a first key: each would encrypt with its own for
    /// up to a day (Data Protection reads the ring again after 24 hours) and the others could not read what it wrote.
    /// </summary>
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        if (!services.GetRequiredService<IOptions<KeyRingOptions>>().Value.InDatabase)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDbContext>();
        // A type test, not IsNpgsql(): that would load PostgreSQL's provider into a SQLite instance.
        var locked = db is PostgresGuichetDbContext;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (locked)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({FirstKeyLock})", cancellationToken);
            }

            if (!await db.DataProtectionKeys.AnyAsync(cancellationToken) && await db.WhiteLabels.AnyAsync(cancellationToken))
            {
                throw new InvalidOperationException("DataProtection:KeyStore=Database: the database holds secrets but no key to read "
                    + "them. Import the keys of DataProtection:KeysFolder first (the command import-keys), every instance stopped.");
            }

            // Protecting anything makes Data Protection read the ring (through its own DbContext and connection) and, when
            // it is empty, store a first key. The only read that blocks its caller: later ones, and the keys they add, run in
            // the background while the ring in hand serves, so a call encrypting inside a SQLite write transaction never
            // waits for the key store's write queued behind that transaction (README, "SQLite's writers queue in memory").
            services.GetDataProtector("Guichet.KeyRing.Start").Protect([0]);
        }
        finally
        {
            if (locked)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({FirstKeyLock})", CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The certificate that encrypts new keys (<c>DataProtection:CertificatePath</c>).</summary>
    internal static X509Certificate2 LoadCertificate(KeyRingOptions options) =>
        Load(options.CertificatePath!, options.CertificatePassword, "Certificate");

    private static X509Certificate2 LoadPreviousCertificate(KeyRingOptions options) =>
        Load(options.PreviousCertificatePath!, options.PreviousCertificatePassword, "PreviousCertificate");

    private static X509Certificate2 Load(string path, string? password, string setting)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (CryptographicException exception)
        {
            throw new InvalidOperationException($"DataProtection:{setting}Path / DataProtection:{setting}Password: "
                + $"cannot open '{path}' ({exception.Message}).", exception);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"DataProtection:{setting}Path: '{path}' has no private key, "
                + "without which the keys it encrypts cannot be read back.");
        }

        return certificate;
    }
}
