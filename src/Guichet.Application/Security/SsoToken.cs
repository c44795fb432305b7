using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Guichet.Domain.Accounts;

namespace Guichet.Application.Security;

/// <summary>
/// SSO passwords of seed 004 §1.3.3: <c>sso:yyMMdd:HHmm:hex(SHA-256(sharedKey + login + date + time))</c>.
/// Date and time are local time in the white label's zone (<c>WhiteLabel.SsoTimeZone</c>, French time by default).
/// At the daylight-saving changes, a minute of the hour that happens twice (autumn) is accepted in either offset,
/// and a minute of the hour that never happens (spring) is refused: no clock can have minted it.
/// </summary>
public static class SsoToken
{
    public const string Prefix = AccountPasswords.SsoPrefix;

    public static bool LooksLikeToken(string password) => password.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The zone of an IANA id (e.g. <c>Europe/Paris</c>, <c>UTC</c>); false for an unknown id.</summary>
    public static bool TryFindTimeZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id) || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) || !found.HasIanaId)
        {
            return false;
        }

        zone = found;
        return true;
    }

    public static string Create(string sharedKey, string login, DateTimeOffset at, string timeZoneId)
    {
        var local = TimeZoneInfo.ConvertTime(at, Zone(timeZoneId)).DateTime;
        var date = local.ToString("yyMMdd", CultureInfo.InvariantCulture);
        var time = local.ToString("HHmm", CultureInfo.InvariantCulture);
        return $"{Prefix}{date}:{time}:{Hash(sharedKey, login, date, time)}";
    }

    /// <summary>True when the token is well formed, minted for this login with this key, and within its validity.</summary>
    public static bool IsValid(string token, string sharedKey, string login, string timeZoneId, DateTimeOffset now, TimeSpan validity, TimeSpan skew)
    {
        var parts = token.Split(':');
        if (parts.Length != 4 || parts[0] != "sso" || parts[3].Length != 64
            || !DateTime.TryParseExact(parts[1] + parts[2], "yyMMddHHmm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var minted))
        {
            return false;
        }

        if (!IssuedAt(minted, Zone(timeZoneId)).Any(issuedAt => issuedAt <= now + skew && now <= issuedAt + validity))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Hash(sharedKey, login, parts[1], parts[2]));
        var presented = Encoding.ASCII.GetBytes(parts[3].ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }

    /// <summary>The instants a local minute names: one, two in the repeated autumn hour, none in the skipped spring hour.</summary>
    private static IEnumerable<DateTimeOffset> IssuedAt(DateTime local, TimeZoneInfo zone)
    {
        if (zone.IsInvalidTime(local))
        {
            return [];
        }

        return zone.IsAmbiguousTime(local)
            ? zone.GetAmbiguousTimeOffsets(local).Select(offset => new DateTimeOffset(local, offset))
            : [new DateTimeOffset(local, zone.GetUtcOffset(local))];
    }

    private static TimeZoneInfo Zone(string timeZoneId) =>
        TryFindTimeZone(timeZoneId, out var zone) ? zone : throw new InvalidOperationException($"Unknown SSO time zone '{timeZoneId}'.");

    private static string Hash(string sharedKey, string login, string date, string time) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sharedKey + login + date + time)));
}
