namespace Guichet.Identifiers;

/// <summary>Phone numbers in a loose E.164-like form.</summary>
public static class PhoneNumber
{
    /// <summary>Shortest accepted value, '+' included.</summary>
    public const int MinLength = 8;

    /// <summary>Longest accepted value, '+' included.</summary>
    public const int MaxLength = 15;

    /// <summary>
    /// True when <paramref name="value"/> is an optional leading '+' followed by ASCII digits only,
    /// 8 to 15 characters in total. Spaces, dots and dashes must be stripped by the caller.
    /// </summary>
    public static bool IsValid(string? value)
    {
        if (value is null || value.Length is < MinLength or > MaxLength)
        {
            return false;
        }

        // '+' is only meaningful as the international prefix, so it may appear first and nowhere else.
        var digits = value.AsSpan(value[0] == '+' ? 1 : 0);
        if (digits.IsEmpty)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
