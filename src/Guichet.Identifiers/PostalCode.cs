namespace Guichet.Identifiers;

/// <summary>Postal codes: strict for France, lenient elsewhere.</summary>
public static class PostalCode
{
    /// <summary>Longest postal code accepted for a country other than France.</summary>
    public const int MaxForeignLength = 17;

    /// <summary>
    /// True when <paramref name="value"/> is a plausible postal code for <paramref name="countryCode"/>
    /// (ISO alpha-2, compared without regard to case).
    /// </summary>
    public static bool IsValid(string? value, string countryCode)
    {
        ArgumentNullException.ThrowIfNull(countryCode);
        if (value is null)
        {
            return false;
        }

        return string.Equals(countryCode, "FR", StringComparison.OrdinalIgnoreCase)
            ? IsValidFrench(value)
            : IsValidForeign(value);
    }

    private static bool IsValidFrench(string value)
    {
        if (!Luhn.IsAsciiDigits(value, 5))
        {
            return false;
        }

        // Why: the first two digits are the département (01..95, 97 overseas, 98 Monaco and Pacific
        // territories; 2A/2B Corsica still uses 20). "00" is never allocated and 99 is not a postal prefix.
        var department = ((value[0] - '0') * 10) + (value[1] - '0');
        return department is >= 1 and <= 98;
    }

    private static bool IsValidForeign(string value)
    {
        // Why: formats vary too much to check per country (UK "SW1A 1AA", NL "1012 AB", PT "1000-001");
        // 17 is a safe upper bound that still rejects free text. Letters are ASCII: no country uses others.
        if (value.Length is 0 or > MaxForeignLength || string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != ' ' && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}
