namespace Guichet.Identifiers.Tests;

public class PasswordPolicyTests
{
    private static readonly PasswordPolicy Policy = PasswordPolicy.Registering;

    [Theory]
    [InlineData("Abcdefgh1!")]
    [InlineData("Abcdefghijklmnopq1!z")]
    [InlineData("Zz9~\"$-:[]{}")]
    public void CompliantAtBounds_HasNoBrokenRule(string password) => Assert.Empty(Policy.Check(password));

    [Fact]
    public void NineChars_IsTooShort()
    {
        Assert.Equal(9, "Abcdefg1!".Length);
        Assert.Equal([PasswordRule.TooShort], Policy.Check("Abcdefg1!"));
    }

    [Fact]
    public void TenChars_IsNotTooShort() => Assert.Empty(Policy.Check("Abcdefgh1!"));

    [Fact]
    public void TwentyChars_IsNotTooLong() => Assert.Empty(Policy.Check("Abcdefgh1!" + "abcdefghij"));

    [Fact]
    public void TwentyOneChars_IsTooLong() =>
        Assert.Equal([PasswordRule.TooLong], Policy.Check("Abcdefgh1!" + "abcdefghijk"));

    [Theory]
    [InlineData("abcdefgh1!", PasswordRule.MissingUppercase)]
    [InlineData("ABCDEFGH1!", PasswordRule.MissingLowercase)]
    [InlineData("Abcdefghi!", PasswordRule.MissingDigit)]
    [InlineData("Abcdefgh12", PasswordRule.MissingSpecial)]
    public void MissingClass_IsReported(string password, PasswordRule expected) =>
        Assert.Equal([expected], Policy.Check(password));

    [Theory]
    [InlineData("Abcd efgh1!")]
    [InlineData("Abcd\tefgh1!")]
    [InlineData("Abcdefgh1!\n")]
    [InlineData("Abcd\u00A0efgh1!")]
    public void Whitespace_IsContainsWhitespace(string password) =>
        Assert.Equal([PasswordRule.ContainsWhitespace], Policy.Check(password));

    [Theory]
    [InlineData("Abcdéfgh1!")]
    [InlineData("Abcdefgh1!€")]
    [InlineData("Abcdefgh1!\u0000")]
    [InlineData("Abcdefgh\u0661!")]
    public void CharacterOutsideAsciiAndSpecials_IsForbidden(string password)
    {
        var broken = Policy.Check(password);
        Assert.Contains(PasswordRule.ForbiddenCharacter, broken);
        Assert.DoesNotContain(PasswordRule.ContainsWhitespace, broken);
    }

    [Fact]
    public void AccentedLetterAlone_IsForbiddenOnly() =>
        Assert.Equal([PasswordRule.ForbiddenCharacter], Policy.Check("Abcdéfgh1!"));

    [Fact]
    public void AccentedUppercase_DoesNotCountAsUppercase() =>
        Assert.Equal([PasswordRule.MissingUppercase, PasswordRule.ForbiddenCharacter], Policy.Check("Ébcdefgh1!"));

    [Fact]
    public void EverySpecialCharacter_CountsAsSpecial()
    {
        foreach (var c in Policy.SpecialCharacters)
        {
            Assert.Empty(Policy.Check("Abcdefgh1" + c));
        }
    }

    [Fact]
    public void Registering_SpecialCharacters_AreTheUnionOfTheSeedsFourLists()
    {
        // Seed 004, "Mot de passe" in §2.3.1, §3.3.2, §4.3.1 and §4.3.2, decoded from the converted document.
        string[] seedLists =
        [
            "\"!\"?%^^&*()_+={[]];@~#<,;>./", "\"!\"?${}%^&*()_-+={}[];,:@~#<,>./", "\"!\"#$%^&*()_-=+{[]:;@~#<,.>./",
            "\"!\"?$$%^&*()_+={[]];@~#<,>./",
        ];

        Assert.Equal(string.Concat(seedLists).Distinct().Order(), Policy.SpecialCharacters.Order());
    }

    [Theory]
    [InlineData('\'')]
    [InlineData('`')]
    [InlineData('|')]
    [InlineData('\\')]
    public void Registering_PunctuationTheSeedDoesNotList_IsForbidden(char c) =>
        Assert.Equal([PasswordRule.MissingSpecial, PasswordRule.ForbiddenCharacter], Policy.Check("Abcdefgh1" + c));

    [Fact]
    public void PolicyNamingNoList_TakesAllAsciiPunctuation()
    {
        var portal = new PasswordPolicy(8, 64, true, true, true, true);

        Assert.Equal(32, portal.SpecialCharacters.Length);
        Assert.All(portal.SpecialCharacters, c => Assert.True(char.IsAsciiLetterOrDigit(c) is false && c is > ' ' and < '\u007f'));
        Assert.Empty(portal.Check("Abcdefgh1'"));
    }

    [Fact]
    public void SeveralBrokenRules_AreAllReportedInEnumOrder()
    {
        Assert.Equal(
            [
                PasswordRule.TooShort,
                PasswordRule.MissingUppercase,
                PasswordRule.MissingDigit,
                PasswordRule.MissingSpecial,
                PasswordRule.ContainsWhitespace,
                PasswordRule.ForbiddenCharacter,
            ],
            Policy.Check("é a"));
    }

    [Fact]
    public void EmptyPassword_ReportsLengthAndEveryClass() =>
        Assert.Equal(
            [
                PasswordRule.TooShort,
                PasswordRule.MissingUppercase,
                PasswordRule.MissingLowercase,
                PasswordRule.MissingDigit,
                PasswordRule.MissingSpecial,
            ],
            Policy.Check(string.Empty));

    [Fact]
    public void RepeatedOffences_AreReportedOnce() =>
        Assert.Equal([PasswordRule.ContainsWhitespace, PasswordRule.ForbiddenCharacter], Policy.Check("Ab1!  éé  àà"));

    [Fact]
    public void ClassNotRequired_IsNotReported()
    {
        var lenient = new PasswordPolicy(4, 8, false, true, false, false);
        Assert.Empty(lenient.Check("abcd"));
        Assert.Equal([PasswordRule.MissingLowercase], lenient.Check("1234"));
    }

    [Fact]
    public void NullPassword_Throws() => Assert.Throws<ArgumentNullException>(() => Policy.Check(null!));
}
