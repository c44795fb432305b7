namespace Guichet.Identifiers.Tests;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("0123456789")]
    [InlineData("+33123456789")]
    [InlineData("12345678")]
    [InlineData("+12345678")]
    [InlineData("123456789012345")]
    [InlineData("+123456789012345")]
    public void DigitsWithOptionalPlus_IsValidAndKeptAsIs(string value)
    {
        Assert.True(PhoneNumber.IsValid(value));
        Assert.Equal(value, PhoneNumber.Normalize(value));
    }

    [Theory]
    [InlineData("01 40 00 00 00", "0140000000")]
    [InlineData("01.40.00.00.00", "0140000000")]
    [InlineData("01-40-00-00-00", "0140000000")]
    [InlineData("+33 1 40 00 00 00", "+33140000000")]
    [InlineData("+33.1.40.00.00.00", "+33140000000")]
    [InlineData("  01 40 00 00 00 ", "0140000000")]
    [InlineData("+44 20-7946.0958", "+442079460958")]
    public void AsFrenchPeopleTypeThem_IsValidAndStoredAsDigits(string value, string stored)
    {
        Assert.True(PhoneNumber.IsValid(value));
        Assert.Equal(stored, PhoneNumber.Normalize(value));
    }

    [Theory]
    [InlineData("1234567")]
    [InlineData("+1234567")]
    [InlineData("12 34 56 7")]
    [InlineData("1234567890123456")]
    [InlineData("+1234567890123456")]
    [InlineData("+33 1 40 00 00 00 00 00 00")]
    public void DigitsOutsideEightToFifteen_IsInvalid(string value) => Assert.False(PhoneNumber.IsValid(value));

    [Theory]
    [InlineData("01234567AB")]
    [InlineData("01/23/45/67/89")]
    [InlineData("(01) 23 45 67 89")]
    [InlineData("0123456\u0667\u0668")]
    [InlineData("01\u00A040\u00A000\u00A000\u00A000")]
    public void OtherCharacters_IsInvalid(string value) => Assert.False(PhoneNumber.IsValid(value));

    [Theory]
    [InlineData("01  40 00 00 00")]
    [InlineData("01 .40 00 00 00")]
    [InlineData(".01 40 00 00 00")]
    [InlineData("01 40 00 00 00-")]
    [InlineData("+ 33 1 40 00 00 00")]
    public void SeparatorDoubledOrAtAnEnd_IsInvalid(string value) => Assert.False(PhoneNumber.IsValid(value));

    [Theory]
    [InlineData("+")]
    [InlineData("++3312345678")]
    [InlineData("0033+12345678")]
    [InlineData("012345678+")]
    public void PlusAloneOrNotLeading_IsInvalid(string value) => Assert.False(PhoneNumber.IsValid(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void NullOrBlank_IsInvalid(string? value)
    {
        Assert.False(PhoneNumber.IsValid(value));
        Assert.Null(PhoneNumber.Normalize(value));
    }
}
