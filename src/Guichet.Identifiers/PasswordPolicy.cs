namespace Guichet.Identifiers;

/// <summary>Length and character-class requirements for a password.</summary>
public sealed record PasswordPolicy(
    int MinLength, int MaxLength, bool RequireUppercase, bool RequireLowercase, bool RequireDigit, bool RequireSpecial)
{
    /// <summary>Printable ASCII punctuation (space excluded): the special characters of a policy that names no list.</summary>
    public const string AsciiPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    /// <summary>The special characters of passwords we generate and show: they read and type without ambiguity.</summary>
    public const string ShownSpecialCharacters = "-_.!?#%+=@";

    /// <summary>
    /// Seed 004's special characters ("Mot de passe"). Its four tables (§2.3.1, §3.3.2, §4.3.1, §4.3.2) print four
    /// variants of one list; this is their union, so that no password one table allows is refused by another.
    /// The <c>\"</c>, <c>\$</c> and <c>\ </c> of the converted document are escapes of a quote, a dollar and a
    /// non-breaking space, not backslashes; blanks are never allowed. Apostrophe, backquote, '|' and '\' are not listed.
    /// </summary>
    public const string SeedSpecialCharacters = "!\"#$%&()*+,-./:;<=>?@[]^_{}~";

    /// <summary>The policy of seed 004 accounts: 10..20 characters, all four classes, the seed's special characters.</summary>
    public static readonly PasswordPolicy Registering = new(10, 20, true, true, true, true) { SpecialCharacters = SeedSpecialCharacters };

    /// <summary>The characters that count as special; any other non-alphanumeric character is forbidden.</summary>
    public string SpecialCharacters { get; init; } = AsciiPunctuation;

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

    private bool IsSpecial(char c) => SpecialCharacters.Contains(c, StringComparison.Ordinal);
}
