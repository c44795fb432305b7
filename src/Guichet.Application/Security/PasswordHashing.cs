using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Guichet.Application.Security;

/// <summary>
/// User passwords: ASP.NET Core Identity's hasher (PBKDF2-HMAC-SHA512, salted, versioned format) at OWASP's
/// 210,000 iterations. A hash made with fewer iterations verifies and asks to be re-hashed.
/// Not sealed: the tests count verifications (every refusal must cost exactly one, whether the login exists or not) and
/// hashes (a sign-up hashes once whatever the address).
/// </summary>
public class PasswordHashing
{
    public const int Iterations = 210_000;

    private static readonly object s_user = new();

    private readonly PasswordHasher<object> _hasher = new(Options.Create(new PasswordHasherOptions
    {
        CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
        IterationCount = Iterations,
    }));

    // Verified when the login is unknown, so that an unknown login costs the same time as a wrong password.
    private readonly Lazy<string> _decoyHash;

    public PasswordHashing() => _decoyHash = new(() => Hash(SecretGenerator.New()));

    public virtual string Hash(string password) => _hasher.HashPassword(s_user, password);

    /// <summary>Spends the time of a real verification and fails: for logins that do not exist.</summary>
    public PasswordCheck VerifyDecoy(string password)
    {
        Verify(_decoyHash.Value, password);
        return PasswordCheck.Invalid;
    }

    public virtual PasswordCheck Verify(string hash, string password) => _hasher.VerifyHashedPassword(s_user, hash, password) switch
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
