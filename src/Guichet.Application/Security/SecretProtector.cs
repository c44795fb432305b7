using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Memory;

namespace Guichet.Application.Security;

/// <summary>
/// Encrypts the secrets the server must read back (WSSE secrets, SSO keys) with ASP.NET Core Data Protection.
/// The key ring lives outside the database (see DataProtection options), so a database dump alone reveals nothing.
/// </summary>
/// <remarks>
/// Every SOAP call reads its white label's row and needs the secret (and the SSO key) in clear: the decrypted value is
/// remembered in memory under the PROTECTED value it came from, never under the white label. A rotation writes a new
/// protected value (encryption is randomised, so even the same secret encrypted again differs), and the row is still
/// read on every call: the next call on any instance misses this cache and decrypts the new value, and the old value is
/// only used while the row still names it (a rotation's grace). Each entry is decrypted again after ten minutes, so that
/// a Data Protection key revoked meanwhile is honoured within that time, and stale values leave memory. A secret kept
/// here is no more exposed than the key ring this process holds anyway.
/// </remarks>
public sealed class SecretProtector(IDataProtectionProvider provider) : IDisposable
{
    /// <summary>A few values per white label (current and previous WSSE secret and SSO key); far more than any deployment.</summary>
    private const int MaxRemembered = 10_000;

    private static readonly TimeSpan s_remembered = TimeSpan.FromMinutes(10);

    private readonly IDataProtector _protector = provider.CreateProtector("Guichet.WhiteLabelSecrets.v1");

    private readonly MemoryCache _plain = new(new MemoryCacheOptions { SizeLimit = MaxRemembered });

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret)
    {
        if (_plain.TryGetValue(protectedSecret, out string? secret) && secret is not null)
        {
            return secret;
        }

        secret = _protector.Unprotect(protectedSecret);
        _plain.Set(protectedSecret, secret, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = s_remembered, Size = 1 });
        return secret;
    }

    public void Dispose() => _plain.Dispose();
}
