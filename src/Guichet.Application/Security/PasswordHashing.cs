using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Guichet.Application.Security;

/// <summary>
/// User passwords: ASP.NET Core Identity's hasher (PBKDF2-HMAC-SHA512, salted, versioned format) at OWASP's
/// 210,000 iterations. A hash made with fewer iterations verifies and asks to be re-hashed.
/// </summary>
public sealed class PasswordHashing
{
    public const int Iterations = 210_000;

    private static readonly object s_user = new();

    private readonly PasswordHasher<object> _hasher = new(Options.Create(new PasswordHasherOptions
    {
        CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
        IterationCount = Iterations,
    }));

    public string Hash(string password) => _hasher.HashPassword(s_user, password);

    public PasswordCheck Verify(string hash, string password) => _hasher.VerifyHashedPassword(s_user, hash, password) switch
    {
        PasswordVerificationResult.Success => PasswordCheck.Valid,
        PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.ValidNeedsRehash,
        _ => PasswordCheck.Invalid,
    };
}

public enum PasswordCheck
{
    Invalid,
    Valid,
    ValidNeedsRehash,
}
