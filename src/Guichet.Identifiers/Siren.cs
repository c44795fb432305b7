namespace Guichet.Identifiers;

/// <summary>SIREN: the 9-digit French company identifier issued by INSEE.</summary>
public static class Siren
{
    /// <summary>Number of digits in a SIREN.</summary>
    public const int Length = 9;

    /// <summary>"362 521 879"; anything that is not 9 ASCII digits is returned as it is.</summary>
    public static string Spaced(string value) => Luhn.IsAsciiDigits(value, Length) ? $"{value[..3]} {value[3..6]} {value[6..]}" : value;

    /// <summary>True when <paramref name="value"/> is exactly 9 ASCII digits and passes the Luhn check.</summary>
    public static bool IsValid(string? value) =>
        value is not null && Luhn.IsAsciiDigits(value, Length) && Luhn.IsValid(value);
}
