namespace Guichet.Identifiers;

/// <summary>Length and character-class requirements for a password.</summary>
public sealed record PasswordPolicy(int MinLength, int MaxLength, bool RequireUppercase, bool RequireLowercase, bool RequireDigit, bool RequireSpecial)
{
    /// <summary>The policy applied when a user registers: 10..20 characters, all four classes.</summary>
    public static readonly PasswordPolicy Registering = new(10, 20, true, true, true, true);

    /// <summary>The allowed special characters: printable ASCII punctuation (space excluded).</summary>
    public const string SpecialCharacters = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    /// <summary>Every rule <paramref name="password"/> breaks, in <see cref="PasswordRule"/> order; empty when it complies.</summary>
    public IReadOnlyList<PasswordRule> Check(string password)
    {
        ArgumentNullException.ThrowIfNull(password);

        bool upper = false, lower = false, digit = false, special = false, whitespace = false, forbidden = false;
        foreach (var c in password)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                upper = true;
            }
            else if (char.IsAsciiLetterLower(c))
            {
                lower = true;
            }
            else if (char.IsAsciiDigit(c))
            {
                digit = true;
            }
            else if (IsSpecial(c))
            {
                special = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                // Why: leading/trailing spaces get trimmed by some clients and the login then fails.
                whitespace = true;
            }
            else
            {
                // Why: only the specials named above are allowed; accented letters and other non-ASCII
                // characters are typed or encoded differently by some clients and make logins fail.
                forbidden = true;
            }
        }

        var broken = new List<PasswordRule>();
        // Length counts UTF-16 chars, as the storage column and the clients do.
        if (password.Length < MinLength)
        {
            broken.Add(PasswordRule.TooShort);
        }

        if (password.Length > MaxLength)
        {
            broken.Add(PasswordRule.TooLong);
        }

        if (RequireUppercase && !upper)
        {
            broken.Add(PasswordRule.MissingUppercase);
        }

        if (RequireLowercase && !lower)
        {
            broken.Add(PasswordRule.MissingLowercase);
        }

        if (RequireDigit && !digit)
        {
            broken.Add(PasswordRule.MissingDigit);
        }

        if (RequireSpecial && !special)
        {
            broken.Add(PasswordRule.MissingSpecial);
        }

        if (whitespace)
        {
            broken.Add(PasswordRule.ContainsWhitespace);
        }

        if (forbidden)
        {
            broken.Add(PasswordRule.ForbiddenCharacter);
        }

        return broken;
    }

    internal static bool IsSpecial(char c) => SpecialCharacters.Contains(c, StringComparison.Ordinal);
}
