using Guichet.Identifiers;

namespace Guichet.Domain.Staff;

public static class StaffPasswords
{
    /// <summary>
    /// One-time passwords: 16 characters of all four classes, with specials that read unambiguously when dictated or
    /// copied from a terminal (no quotes, backslash or blank).
    /// </summary>
    public static readonly PasswordPolicy OneTimePolicy =
        new(16, 16, true, true, true, true) { SpecialCharacters = PasswordPolicy.ShownSpecialCharacters };

    public static string NewOneTimePassword() => PasswordGenerator.Generate(OneTimePolicy, OneTimePolicy.MinLength);
}
