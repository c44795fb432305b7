namespace Guichet.Identifiers.Tests;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("0123456789")]
    [InlineData("+33123456789")]
    [InlineData("12345678")]
    [InlineData("+1234567")]
    [InlineData("123456789012345")]
    [InlineData("+12345678901234")]
    public void DigitsWithOptionalPlus_IsValid(string value) => Assert.True(PhoneNumber.IsValid(value));

    [Theory]
    [InlineData("1234567")]
    [InlineData("+123456")]
    [InlineData("1234567890123456")]
    [InlineData("+123456789012345")]
    public void LengthOutsideEightToFifteen_IsInvalid(string value) => Assert.False(PhoneNumber.IsValid(value));

    [Theory]
    [InlineData("01234567AB")]
    [InlineData("01 23 45 67 89")]
    [InlineData("01.23.45.67")]
    [InlineData("0123456\u0667\u0668")]
    public void NonDigitCharacters_IsInvalid(string value) => Assert.False(PhoneNumber.IsValid(value));

    [Theory]
    [InlineData("+")]
    [InlineData("++3312345678")]
    [InlineData("0033+12345678")]
    [InlineData("012345678+")]
    public void PlusAloneOrNotLeading_IsInvalid(string value) => Assert.False(PhoneNumber.IsValid(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void NullOrEmpty_IsInvalid(string? value) => Assert.False(PhoneNumber.IsValid(value));
}
