namespace Guichet.Identifiers.Tests;

public class PasswordGeneratorTests
{
    [Fact]
    public void ThousandPasswords_AllPassPolicyAndAreDistinct()
    {
        var passwords = Enumerable.Range(0, 1000)
            .Select(_ => PasswordGenerator.Generate(PasswordPolicy.Registering, 12))
            .ToList();

        Assert.All(passwords, p =>
        {
            Assert.Equal(12, p.Length);
            Assert.Empty(PasswordPolicy.Registering.Check(p));
        });
        Assert.Equal(passwords.Count, passwords.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Registering_DrawsOnlyLettersDigitsAndTheSeedsSpecials()
    {
        var drawn = string.Concat(Enumerable.Range(0, 1000).Select(_ => PasswordGenerator.Generate(PasswordPolicy.Registering, 20)));

        Assert.All(drawn, c => Assert.True(char.IsAsciiLetterOrDigit(c) || PasswordPolicy.SeedSpecialCharacters.Contains(c), $"'{c}' drawn"));
        // 1000 × 20 draws reach every special character of the list.
        Assert.Equal(PasswordPolicy.SeedSpecialCharacters.Order(), drawn.Where(c => !char.IsAsciiLetterOrDigit(c)).Distinct().Order());
    }

    [Theory]
    [InlineData(10)]
    [InlineData(20)]
    public void LengthAtPolicyBounds_PassesPolicy(int length)
    {
        var password = PasswordGenerator.Generate(PasswordPolicy.Registering, length);
        Assert.Equal(length, password.Length);
        Assert.Empty(PasswordPolicy.Registering.Check(password));
    }

    [Fact]
    public void LengthEqualToRequiredClasses_HasOneOfEach()
    {
        var tight = new PasswordPolicy(4, 4, true, true, true, true);
        for (var i = 0; i < 200; i++)
        {
            Assert.Empty(tight.Check(PasswordGenerator.Generate(tight, 4)));
        }
    }

    [Fact]
    public void RequiredCharacters_AreNotAlwaysAtTheStart()
    {
        // Without the shuffle the first character would always be an upper-case letter.
        var firsts = Enumerable.Range(0, 200)
            .Select(_ => PasswordGenerator.Generate(PasswordPolicy.Registering, 10)[0]);
        Assert.Contains(firsts, c => !char.IsAsciiLetterUpper(c));
    }

    [Theory]
    [InlineData(9)]
    [InlineData(21)]
    [InlineData(0)]
    [InlineData(-1)]
    public void LengthOutOfPolicyBounds_Throws(int length) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PasswordGenerator.Generate(PasswordPolicy.Registering, length));

    [Fact]
    public void LengthTooShortForRequiredClasses_Throws()
    {
        var odd = new PasswordPolicy(1, 10, true, true, true, true);
        Assert.Throws<ArgumentOutOfRangeException>(() => PasswordGenerator.Generate(odd, 3));
    }
}
