using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Guichet.Application.Security;

/// <summary>
/// User passwords: ASP.NET Core Identity's hasher (PBKDF2-HMAC-SHA512, salted, versioned format) at OWASP's
/// 210,000 iterations. A hash made with fewer iterations verifies and asks to be re-hashed.
/// At most one hash per core runs at a time: a burst of registrations or sign-ins waits here without holding a thread,
/// instead of each blocking a pool thread for the length of its hash, which, past the pool's size, would delay every
/// other request until the pool grows. A hash takes a core whole anyway, so the rate of hashes is the same.
/// Not sealed: the tests count verifications (every refusal must cost exactly one, whether the login exists or not) and
/// hashes (a sign-up hashes once whatever the address).
/// </summary>
public class PasswordHashing : IDisposable
{
    public const int Iterations = 210_000;

    private static readonly object s_user = new();

    private readonly PasswordHasher<object> _hasher = new(Options.Create(new PasswordHasherOptions
    {
        CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
        IterationCount = Iterations,
    }));

    private readonly SemaphoreSlim _cores;

    // Verified when the login is unknown, so that an unknown login costs the same time as a wrong password.
    private readonly Lazy<string> _decoyHash;

    public PasswordHashing()
        : this(Environment.ProcessorCount)
    {
    }

    /// <param name="concurrentHashes">How many hashes may run at once (a test that needs callers to meet inside one).</param>
    protected PasswordHashing(int concurrentHashes)
    {
        _cores = new SemaphoreSlim(concurrentHashes, concurrentHashes);
        _decoyHash = new(() => Hash(SecretGenerator.New()));
    }

    public Task<string> HashAsync(string password, CancellationToken cancellationToken) =>
        OnACoreAsync(() => Hash(password), cancellationToken);

    public Task<PasswordCheck> VerifyAsync(string hash, string password, CancellationToken cancellationToken) =>
        OnACoreAsync(() => Verify(hash, password), cancellationToken);

    /// <summary>Spends the time of a real verification and fails: for logins that do not exist.</summary>
    public async Task<PasswordCheck> VerifyDecoyAsync(string password, CancellationToken cancellationToken)
    {
        await OnACoreAsync(() => Verify(_decoyHash.Value, password), cancellationToken);
        return PasswordCheck.Invalid;
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _cores.Dispose();
        }
    }

    protected virtual string Hash(string password) => _hasher.HashPassword(s_user, password);

    protected virtual PasswordCheck Verify(string hash, string password) => _hasher.VerifyHashedPassword(s_user, hash, password) switch
    {
        PasswordVerificationResult.Success => PasswordCheck.Valid,
        PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.ValidNeedsRehash,
        _ => PasswordCheck.Invalid,
    };

    private async Task<T> OnACoreAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        await _cores.WaitAsync(cancellationToken);
        try
        {
            return work();
        }
        finally
        {
            _cores.Release();
        }
    }
}

public enum PasswordCheck
{
    Invalid,
    Valid,
    ValidNeedsRehash,
}
