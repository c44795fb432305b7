using System.Text;

namespace Guichet.Identifiers;

/// <summary>Phone numbers as people type them (<c>01 40 00 00 00</c>, <c>01.40.00.00.00</c>, <c>+33 1 40 00 00 00</c>).</summary>
public static class PhoneNumber
{
    /// <summary>Fewest digits accepted ('+' and separators not counted).</summary>
    public const int MinDigits = 8;

    /// <summary>Most digits accepted: E.164's maximum.</summary>
    public const int MaxDigits = 15;

    public static bool IsValid(string? value) => Normalize(value) is not null;

    /// <summary>
    /// The stored form, <c>+?[0-9]{8,15}</c>: the digits, after a '+' when the number began with one. The value may
    /// surround itself with blanks and separate groups of digits with one space, dot or dash; null when it is not a
    /// phone number so written.
    /// </summary>
    public static string? Normalize(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // '+' is only meaningful as the international prefix, so it may appear first and nowhere else.
        var international = text[0] == '+';
        var digits = new StringBuilder(text.Length);
        var afterDigit = false;
        foreach (var c in text.AsSpan(international ? 1 : 0))
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
                afterDigit = true;
            }
            else if (c is ' ' or '.' or '-' && afterDigit)
            {
                afterDigit = false;
            }
            else
            {
                return null;
            }
        }

        if (!afterDigit || digits.Length is < MinDigits or > MaxDigits)
        {
            return null;
        }

        return international ? "+" + digits : digits.ToString();
    }
}
