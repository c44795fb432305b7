using Guichet.Application.Security;

namespace Guichet.Server.Tests.Infrastructure;

/// <summary>The tests' password hasher, counting the PBKDF2 hashes and verifications it makes (counted, not timed).</summary>
public sealed class CountingPasswordHashing : QuickPasswordHashing
{
    private int _hashes;
    private int _verifications;

    public int Hashes => Volatile.Read(ref _hashes);

    public int Verifications => Volatile.Read(ref _verifications);

    /// <summary>Runs on the hashing thread at each hash, before it: a test's look at the server while a hash is made.</summary>
    public Action? DuringHash { get; set; }

    protected override string Hash(string password)
    {
        Interlocked.Increment(ref _hashes);
        DuringHash?.Invoke();
        return base.Hash(password);
    }

    protected override PasswordCheck Verify(string hash, string password)
    {
        Interlocked.Increment(ref _verifications);
        return base.Verify(hash, password);
    }
}
