using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Guichet.Application.Security;

/// <summary>
/// Remembers for a few minutes that a login's password matched its stored hash, so that an integrator's successive
/// SOAP calls do not each pay a 210,000-iteration PBKDF2 (bench/README.md: it is nearly the whole cost of a call).
/// Only successes are remembered, in this process's memory, under an HMAC with a per-process random key of login,
/// password and stored hash: a changed password or hash never matches an old entry, and nothing kept can be turned
/// back into a password. Failures are never cached and still go through the brute-force brake.
/// </summary>
public sealed class VerifiedPasswordCache(IOptions<SecurityOptions> options) : IDisposable
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public bool Contains(string login, string password, string passwordHash) =>
        options.Value.VerifiedPasswordCacheDuration > TimeSpan.Zero && _cache.TryGetValue(Key(login, password, passwordHash), out _);

    public void Remember(string login, string password, string passwordHash)
    {
        var duration = options.Value.VerifiedPasswordCacheDuration;
        if (duration > TimeSpan.Zero)
        {
            _cache.Set(Key(login, password, passwordHash), true,
                new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = duration, Size = 1 });
        }
    }

    public void Dispose() => _cache.Dispose();

    private string Key(string login, string password, string passwordHash) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{login}\0{password}\0{passwordHash}")));
}
