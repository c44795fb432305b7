using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Guichet.Identifiers;

/// <summary>Intra-community (EU) VAT numbers, as validated by VIES.</summary>
public static class VatNumber
{
    // Why: the standard VIES format per member state, the part after the 2-letter prefix.
    // Greece uses the prefix "EL", not its ISO code "GR". France is handled separately (key check).
    // Patterns use [0-9] rather than \d, which would match non-ASCII digits, and end with \z, because $ also
    // matches before a trailing newline.
    private static readonly FrozenDictionary<string, Regex> Formats = new Dictionary<string, string>
    {
        ["AT"] = "U[0-9]{8}",
        ["BE"] = "[01][0-9]{9}",
        ["BG"] = "[0-9]{9,10}",
        ["CY"] = "[0-9]{8}[A-Z]",
        ["CZ"] = "[0-9]{8,10}",
        ["DE"] = "[0-9]{9}",
        ["DK"] = "[0-9]{8}",
        ["EE"] = "[0-9]{9}",
        ["EL"] = "[0-9]{9}",
        ["ES"] = "[0-9A-Z][0-9]{7}[0-9A-Z]",
        ["FI"] = "[0-9]{8}",
        ["HR"] = "[0-9]{11}",
        ["HU"] = "[0-9]{8}",
        ["IE"] = "[0-9]{7}[A-Z]{1,2}|[0-9][A-Z+*][0-9]{5}[A-Z]",
        ["IT"] = "[0-9]{11}",
        ["LT"] = "[0-9]{9}|[0-9]{12}",
        ["LU"] = "[0-9]{8}",
        ["LV"] = "[0-9]{11}",
        ["MT"] = "[0-9]{8}",
        ["NL"] = "[0-9]{9}B[0-9]{2}",
        ["PL"] = "[0-9]{10}",
        ["PT"] = "[0-9]{9}",
        ["RO"] = "[0-9]{2,10}",
        ["SE"] = "[0-9]{12}",
        ["SI"] = "[0-9]{8}",
        ["SK"] = "[0-9]{10}",
    }.ToFrozenDictionary(
        pair => pair.Key,
        pair => new Regex("^(?:" + pair.Value + ")\\z", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)),
        StringComparer.Ordinal);

    /// <summary>The VAT prefixes accepted by <see cref="IsValid"/> ("EL" for Greece, "FR" for France).</summary>
    public static IReadOnlyCollection<string> Prefixes { get; } =
        Formats.Keys.Append("FR").Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// True when <paramref name="value"/> is an EU VAT number in canonical form: upper case, no spaces or
    /// separators (callers trim and normalise). French numbers also get their key and SIREN checked.
    /// </summary>
    public static bool IsValid(string? value)
    {
        if (value is null || value.Length < 3)
        {
            return false;
        }

        var prefix = value[..2];
        var body = value[2..];
        if (prefix == "FR")
        {
            return IsValidFrench(body);
        }

        return Formats.TryGetValue(prefix, out var format) && format.IsMatch(body);
    }

    /// <summary>The French VAT number of a company: "FR" + 2-digit key + SIREN.</summary>
    /// <exception cref="ArgumentException"><paramref name="siren"/> is not a valid SIREN.</exception>
    public static string FrenchNumberFor(string siren)
    {
        if (!Siren.IsValid(siren))
        {
            throw new ArgumentException("The SIREN must be 9 digits and pass the Luhn check.", nameof(siren));
        }

        return "FR" + FrenchKey(siren).ToString("00", CultureInfo.InvariantCulture) + siren;
    }

    private static bool IsValidFrench(string body)
    {
        if (body.Length != 2 + Siren.Length)
        {
            return false;
        }

        var key = body[..2];
        var siren = body[2..];
        if (!Siren.IsValid(siren) || !key.All(IsFrenchKeyChar))
        {
            return false;
        }

        if (key.All(char.IsAsciiDigit))
        {
            return int.Parse(key, NumberStyles.None, CultureInfo.InvariantCulture) == FrenchKey(siren);
        }

        return AlphanumericKeyMatches(key, long.Parse(siren, NumberStyles.None, CultureInfo.InvariantCulture));
    }

    // Letters O and I are never used in keys, to avoid confusion with 0 and 1.
    private const string FrenchKeyAlphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private static bool IsFrenchKeyChar(char c) => FrenchKeyAlphabet.Contains(c, StringComparison.Ordinal);

    /// <summary>
    /// Keys holding a letter (numbers allocated when the numeric keys ran out) are checked as VIES checks them: the
    /// two characters, ranked in the key alphabet, give a number c (rank₁ × 24 + rank₂ − 10 when the first is a digit,
    /// rank₁ × 34 + rank₂ − 100 otherwise), and (SIREN + 1 + c ÷ 11) mod 11 must equal c mod 11.
    /// </summary>
    private static bool AlphanumericKeyMatches(string key, long siren)
    {
        var first = FrenchKeyAlphabet.IndexOf(key[0], StringComparison.Ordinal);
        var second = FrenchKeyAlphabet.IndexOf(key[1], StringComparison.Ordinal);
        var check = char.IsAsciiDigit(key[0]) ? (first * 24) + second - 10 : (first * 34) + second - 100;
        return (siren + 1 + (check / 11)) % 11 == check % 11;
    }

    private static int FrenchKey(string siren)
    {
        var number = long.Parse(siren, NumberStyles.None, CultureInfo.InvariantCulture);
        return (int)((12 + (3 * (number % 97))) % 97);
    }
}
