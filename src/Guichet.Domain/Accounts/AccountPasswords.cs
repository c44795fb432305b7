using Guichet.Domain.Common;
using Guichet.Identifiers;

namespace Guichet.Domain.Accounts;

/// <summary>The password rules of seed 004 accounts ("Mot de passe"), for registrations, modifications and administrators.</summary>
public static class AccountPasswords
{
    /// <summary>What marks an SSO token given in place of a password (§1.3.3).</summary>
    public const string SsoPrefix = "sso:";

    /// <summary>Seed 004 §2.4: "un mot de passe sur 12 caractères est automatiquement généré" (primaries and secondaries).</summary>
    public const int GeneratedLength = 12;

    /// <summary>
    /// A white label administrator's generated password (operator command, back-office reset): the seed's policy, 16
    /// characters, its special characters limited to those that read and type without ambiguity on a page or a terminal
    /// (no quotes, brackets or <c>&lt;</c>).
    /// </summary>
    public static string NewAdministratorPassword() =>
        PasswordGenerator.Generate(PasswordPolicy.Registering with { SpecialCharacters = PasswordPolicy.ShownSpecialCharacters }, 16);

    /// <summary>Every error of <paramref name="password"/>, on <paramref name="field"/>.</summary>
    public static IEnumerable<Error> Check(string password, PasswordPolicy policy, string field)
    {
        var broken = policy.Check(password);
        if (broken.Count > 0)
        {
            yield return new Error(ErrorCodes.WeakPassword, PasswordMessages.Describe(policy, broken), field);
        }

        // Logging in with it would be read as an SSO token, so the account could never use it.
        if (password.StartsWith(SsoPrefix, StringComparison.Ordinal))
        {
            yield return new Error(ErrorCodes.ReservedPasswordPrefix,
                "Un mot de passe ne peut pas commencer par « sso: », réservé aux jetons SSO.", field);
        }
    }
}
