using Microsoft.AspNetCore.DataProtection;

namespace Guichet.Application.Security;

/// <summary>
/// Encrypts the secrets the server must read back (WSSE secrets, SSO keys) with ASP.NET Core Data Protection.
/// The key ring lives outside the database (see DataProtection options), so a database dump alone reveals nothing.
/// </summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Guichet.WhiteLabelSecrets.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
