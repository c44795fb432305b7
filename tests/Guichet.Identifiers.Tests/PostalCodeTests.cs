namespace Guichet.Identifiers.Tests;

public class PostalCodeTests
{
    [Theory]
    [InlineData("75001")]
    [InlineData("01000")]
    [InlineData("20000")]
    [InlineData("97400")]
    [InlineData("98000")]
    public void FrenchFiveDigits_IsValid(string value) => Assert.True(PostalCode.IsValid(value, "FR"));

    [Theory]
    [InlineData("7500")]
    [InlineData("750011")]
    [InlineData("7500A")]
    [InlineData("75 01")]
    [InlineData("2A000")]
    [InlineData("75\u0660\u0660\u0661")]
    [InlineData("")]
    [InlineData(null)]
    public void FrenchMalformed_IsInvalid(string? value) => Assert.False(PostalCode.IsValid(value, "FR"));

    [Theory]
    [InlineData("00100")]
    [InlineData("00000")]
    [InlineData("99000")]
    public void FrenchDepartmentOutsideZeroOneToNinetyEight_IsInvalid(string value) =>
        Assert.False(PostalCode.IsValid(value, "FR"));

    [Fact]
    public void LowerCaseFrenchCountryCode_AppliesFrenchRule() => Assert.False(PostalCode.IsValid("7500A", "fr"));

    [Theory]
    [InlineData("1000", "BE")]
    [InlineData("SW1A 1AA", "GB")]
    [InlineData("1000-001", "PT")]
    [InlineData("00100", "IT")]
    [InlineData("1", "XX")]
    [InlineData("12345678901234567", "US")]
    public void ForeignLettersDigitsSpaceHyphen_IsValid(string value, string country) =>
        Assert.True(PostalCode.IsValid(value, country));

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("   ")]
    [InlineData("123456789012345678")]
    [InlineData("1000_1")]
    [InlineData("1000.1")]
    [InlineData("10\t00")]
    [InlineData("Zürich")]
    [InlineData(null)]
    public void ForeignMalformed_IsInvalid(string? value) => Assert.False(PostalCode.IsValid(value, "BE"));

    [Fact]
    public void NullCountryCode_Throws() => Assert.Throws<ArgumentNullException>(() => PostalCode.IsValid("75001", null!));
}
