using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Guichet.Server.Hosting;

/// <summary>Section <c>DataProtection</c>: where the key ring lives and what encrypts it.</summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>The folder of the key files; instances sharing a database share it.</summary>
    public string KeysFolder { get; set; } = Path.Combine("data", "keys");

    /// <summary>A PKCS#12 certificate that encrypts the key files themselves.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }
}

public sealed class KeyRingOptionsValidator : IValidateOptions<KeyRingOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyRingOptions options)
    {
        List<string> failures = [];
        if (string.IsNullOrWhiteSpace(options.KeysFolder))
        {
            failures.Add("DataProtection:KeysFolder is required.");
        }

        if (!string.IsNullOrEmpty(options.CertificatePath) && !File.Exists(options.CertificatePath))
        {
            failures.Add($"DataProtection:CertificatePath: there is no file '{options.CertificatePath}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>
/// Where the keys that encrypt white-label secrets live. They stay outside the database, so a dump of it alone reveals
/// nothing; with <c>DataProtection:CertificatePath</c> the key files are themselves encrypted with that certificate,
/// so a copy of the folder alone reveals nothing either.
/// </summary>
public static class KeyRingSetup
{
    public static WebApplicationBuilder AddGuichetKeyRing(this WebApplicationBuilder builder)
    {
        var options = builder.AddValidatedOptions<KeyRingOptions, KeyRingOptionsValidator>(KeyRingOptions.Section);
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName("Guichet")
            .PersistKeysToFileSystem(new DirectoryInfo(options.KeysFolder));
        if (!string.IsNullOrEmpty(options.CertificatePath))
        {
            dataProtection.ProtectKeysWithCertificate(LoadCertificate(options));
        }

        return builder;
    }

    private static X509Certificate2 LoadCertificate(KeyRingOptions options)
    {
        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath!, options.CertificatePassword);
        }
        catch (CryptographicException exception)
        {
            throw new InvalidOperationException("DataProtection:CertificatePath / DataProtection:CertificatePassword: "
                + $"cannot open '{options.CertificatePath}' ({exception.Message}).", exception);
        }
    }
}
