namespace Guichet.Identifiers;

/// <summary>A rule of a <see cref="PasswordPolicy"/> that a password can break.</summary>
public enum PasswordRule
{
    /// <summary>Fewer characters than <see cref="PasswordPolicy.MinLength"/>.</summary>
    TooShort,

    /// <summary>More characters than <see cref="PasswordPolicy.MaxLength"/>.</summary>
    TooLong,

    /// <summary>No ASCII upper-case letter while one is required.</summary>
    MissingUppercase,

    /// <summary>No ASCII lower-case letter while one is required.</summary>
    MissingLowercase,

    /// <summary>No ASCII digit while one is required.</summary>
    MissingDigit,

    /// <summary>No character of <see cref="PasswordPolicy.SpecialCharacters"/> while one is required.</summary>
    MissingSpecial,

    /// <summary>Holds a space, tab, line break or other white space.</summary>
    ContainsWhitespace,

    /// <summary>Holds a character outside ASCII letters, digits and <see cref="PasswordPolicy.SpecialCharacters"/>.</summary>
    ForbiddenCharacter,
}
