using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Guichet.Application.Security;

/// <summary>
/// SSO passwords of seed 004 §1.3.3: <c>sso:yyMMdd:HHmm:hex(SHA-256(sharedKey + login + date + time))</c>.
/// Date and time are read as UTC (the seed names no zone; integrators must mint in UTC, as the README says).
/// </summary>
public static class SsoToken
{
    public const string Prefix = "sso:";

    public static bool LooksLikeToken(string password) => password.StartsWith(Prefix, StringComparison.Ordinal);

    public static string Create(string sharedKey, string login, DateTimeOffset at)
    {
        var date = at.UtcDateTime.ToString("yyMMdd", CultureInfo.InvariantCulture);
        var time = at.UtcDateTime.ToString("HHmm", CultureInfo.InvariantCulture);
        return $"{Prefix}{date}:{time}:{Hash(sharedKey, login, date, time)}";
    }

    /// <summary>True when the token is well formed, minted for this login with this key, and within its validity.</summary>
    public static bool IsValid(string token, string sharedKey, string login, DateTimeOffset now, TimeSpan validity, TimeSpan skew)
    {
        var parts = token.Split(':');
        if (parts.Length != 4 || parts[0] != "sso" || parts[3].Length != 64
            || !DateTime.TryParseExact(parts[1] + parts[2], "yyMMddHHmm", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var minted))
        {
            return false;
        }

        var issuedAt = new DateTimeOffset(minted, TimeSpan.Zero);
        if (issuedAt > now + skew || now > issuedAt + validity)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Hash(sharedKey, login, parts[1], parts[2]));
        var presented = Encoding.ASCII.GetBytes(parts[3].ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }

    private static string Hash(string sharedKey, string login, string date, string time) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sharedKey + login + date + time)));
}
