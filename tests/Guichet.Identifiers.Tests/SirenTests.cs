namespace Guichet.Identifiers.Tests;

public class SirenTests
{
    [Theory]
    [InlineData("732829320")]
    [InlineData("303265045")]
    [InlineData("356000000")]
    public void NineDigitsLuhnValid_IsValid(string value) => Assert.True(Siren.IsValid(value));

    [Fact]
    public void LuhnCheckFails_IsInvalid() => Assert.False(Siren.IsValid("732829321"));

    [Theory]
    [InlineData("73282931")]
    [InlineData("7328293209")]
    [InlineData("0732829320")]
    public void WrongLength_IsInvalid(string value)
    {
        // Luhn-valid on purpose: only the length rule can reject them.
        Assert.True(LuhnTestHelper.PassesLuhn(value));
        Assert.False(Siren.IsValid(value));
    }

    [Theory]
    [InlineData("73282932A")]
    [InlineData("732 829 320")]
    [InlineData(" 732829320")]
    [InlineData("73282932\u0660")]
    public void NonDigitCharacters_IsInvalid(string value) => Assert.False(Siren.IsValid(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void NullOrEmpty_IsInvalid(string? value) => Assert.False(Siren.IsValid(value));

    [Theory]
    [InlineData("362521879", "362 521 879")]
    [InlineData("36252187", "36252187")]
    [InlineData("36252187X", "36252187X")]
    public void Spaced_GroupsNineDigitsOnly(string value, string expected) => Assert.Equal(expected, Siren.Spaced(value));
}
