using Guichet.Domain.Accounts;
using Guichet.Identifiers;

namespace Guichet.Domain.Tests;

/// <summary>The password policy in one sentence, in the portal guide's style, written from the policy itself.</summary>
public sealed class PasswordSentenceTests
{
    [Fact]
    public void Sentence_OfThePortalsPolicy_StatesEveryRuleItChecks()
    {
        var policy = new PasswordPolicy(8, 64, true, true, true, true);

        Assert.Equal("Votre mot de passe doit contenir minimum 8 caractères (au plus 64) : majuscules, minuscules, chiffres et caractères "
            + "spéciaux (!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~) ; seuls sont acceptés les lettres non accentuées, les chiffres et ces "
            + "caractères spéciaux, sans espace.", PasswordMessages.Sentence(policy));
        // What the sentence says is refused is refused, and what it names is accepted.
        Assert.Contains(PasswordRule.ContainsWhitespace, policy.Check("Abcdef1! x"));
        Assert.Contains(PasswordRule.ForbiddenCharacter, policy.Check("Abcdéf1!x"));
        Assert.Empty(policy.Check("Abcdef1" + PasswordPolicy.AsciiPunctuation));
    }

    [Fact]
    public void Sentence_FollowsThePolicy_LengthsClassesAndSpecials()
    {
        var sentence = PasswordMessages.Sentence(new PasswordPolicy(12, 40, false, true, true, false) { SpecialCharacters = "-_" });

        Assert.Equal("Votre mot de passe doit contenir minimum 12 caractères (au plus 40) : minuscules et chiffres ; seuls sont acceptés "
            + "les lettres non accentuées, les chiffres et les caractères spéciaux (-_), sans espace.", sentence);
    }
}
