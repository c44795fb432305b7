namespace Guichet.Identifiers;

/// <summary>SIRET: the 14-digit French establishment identifier (SIREN + 5-digit NIC).</summary>
public static class Siret
{
    /// <summary>Number of digits in a SIRET.</summary>
    public const int Length = 14;

    /// <summary>"362 521 879 00034": the SIREN in threes, then the establishment's number, as people read it off their
    /// papers; anything that is not 14 ASCII digits is returned as it is.</summary>
    public static string Spaced(string value) =>
        Luhn.IsAsciiDigits(value, Length) ? $"{value[..3]} {value[3..6]} {value[6..9]} {value[9..]}" : value;

    /// <summary>SIREN of La Poste, whose establishments do not follow the Luhn rule.</summary>
    public const string LaPosteSiren = "356000000";

    /// <summary>
    /// True when <paramref name="value"/> is exactly 14 ASCII digits, starts with a valid SIREN and passes the
    /// Luhn check — or, for La Poste, has a digit sum that is a multiple of 5.
    /// </summary>
    public static bool IsValid(string? value)
    {
        if (value is null || !Luhn.IsAsciiDigits(value, Length))
        {
            return false;
        }

        // The establishment belongs to a company: its first 9 digits must be a valid SIREN on their own.
        if (!Siren.IsValid(value[..Siren.Length]))
        {
            return false;
        }

        if (Luhn.IsValid(value))
        {
            return true;
        }

        // Why: La Poste has more establishments than Luhn-valid NICs exist under one SIREN, so INSEE numbers
        // them with a different rule: the sum of the 14 digits (not doubled) is a multiple of 5.
        // Its head office 35600000000048 happens to pass Luhn as well and is accepted above.
        return value.StartsWith(LaPosteSiren, StringComparison.Ordinal) && DigitSum(value) % 5 == 0;
    }

    private static int DigitSum(string digits)
    {
        var sum = 0;
        foreach (var c in digits)
        {
            sum += c - '0';
        }

        return sum;
    }
}
