using System.Security.Cryptography;

namespace Guichet.Application.Security;

public static class SecretGenerator
{
    /// <summary>A URL-safe random secret with <paramref name="bytes"/> bytes of entropy.</summary>
    public static string New(int bytes = 32) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
