using Guichet.Identifiers;

namespace Guichet.Domain.Accounts;

/// <summary>French wording of the password policy, for faults and forms alike.</summary>
public static class PasswordMessages
{
    public static string Describe(PasswordPolicy policy, IEnumerable<PasswordRule> broken) =>
        "Mot de passe refusé : " + string.Join(" ; ", broken.Select(rule => Describe(policy, rule))) + ".";

    /// <summary>
    /// The policy in one sentence, in the portal guide's style ("Votre mot de passe doit contenir minimum 8 caractères :
    /// majuscules, minuscules, chiffres et caractères spéciaux (…)."), written from the policy itself so that it states
    /// every rule <see cref="PasswordPolicy.Check"/> applies: both lengths, the required classes, the special characters,
    /// and that nothing else (space, accented letter, other sign) is accepted.
    /// </summary>
    public static string Sentence(PasswordPolicy policy)
    {
        var specials = $"caractères spéciaux ({policy.SpecialCharacters})";
        var required = new List<string>();
        if (policy.RequireUppercase)
        {
            required.Add("majuscules");
        }

        if (policy.RequireLowercase)
        {
            required.Add("minuscules");
        }

        if (policy.RequireDigit)
        {
            required.Add("chiffres");
        }

        if (policy.RequireSpecial)
        {
            required.Add(specials);
        }

        var sentence = $"Votre mot de passe doit contenir minimum {policy.MinLength} caractères (au plus {policy.MaxLength})";
        if (required.Count > 0)
        {
            sentence += " : " + (required.Count == 1 ? required[0] : string.Join(", ", required.Take(required.Count - 1)) + " et " + required[^1]);
        }

        // Check refuses whitespace and every character outside ASCII letters, digits and the specials: say so.
        var allowed = policy.RequireSpecial ? "ces caractères spéciaux" : "les " + specials;
        return sentence + $"{(required.Count > 0 ? " ;" : " :")} seuls sont acceptés les lettres non accentuées, les chiffres et "
            + $"{allowed}, sans espace.";
    }

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
