using Guichet.Identifiers;

namespace Guichet.Domain.Accounts;

/// <summary>French wording of the password policy, for faults and forms alike.</summary>
public static class PasswordMessages
{
    public static string Describe(PasswordPolicy policy, IEnumerable<PasswordRule> broken) =>
        "Mot de passe refusé : " + string.Join(" ; ", broken.Select(rule => Describe(policy, rule))) + ".";

    public static string Describe(PasswordPolicy policy, PasswordRule rule) => rule switch
    {
        PasswordRule.TooShort => $"au moins {policy.MinLength} caractères",
        PasswordRule.TooLong => $"au plus {policy.MaxLength} caractères",
        PasswordRule.MissingUppercase => "au moins une majuscule",
        PasswordRule.MissingLowercase => "au moins une minuscule",
        PasswordRule.MissingDigit => "au moins un chiffre",
        PasswordRule.MissingSpecial => "au moins un caractère spécial parmi " + policy.SpecialCharacters,
        PasswordRule.ContainsWhitespace => "ni espace ni tabulation",
        PasswordRule.ForbiddenCharacter => "uniquement des lettres non accentuées, des chiffres et des caractères spéciaux",
        _ => rule.ToString(),
    };
}
