namespace Guichet.Identifiers;

/// <summary>Luhn (mod 10) checksum, used by INSEE for SIREN and SIRET numbers.</summary>
internal static class Luhn
{
    /// <summary>True when <paramref name="digits"/> is non-empty, holds only ASCII digits and passes the Luhn check.</summary>
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        if (digits.IsEmpty)
        {
            return false;
        }

        var sum = 0;
        var doubleIt = false;
        // Walk from the rightmost digit: every second digit, starting with the one left of the last, is doubled.
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var c = digits[i];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            var d = c - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    /// <summary>True when every character is an ASCII digit and the length is exactly <paramref name="length"/>.</summary>
    public static bool IsAsciiDigits(ReadOnlySpan<char> value, int length)
    {
        if (value.Length != length)
        {
            return false;
        }

        // char.IsDigit would accept Arabic-Indic and other Unicode digits, which no register issues.
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
