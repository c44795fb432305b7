namespace Guichet.Identifiers.Tests;

public class SiretTests
{
    [Fact]
    public void FourteenDigitsLuhnValid_IsValid() => Assert.True(Siret.IsValid("73282932000074"));

    [Theory]
    [InlineData("73282932000075")]
    [InlineData("73282932000174")]
    public void OneDigitChanged_IsInvalid(string value) => Assert.False(Siret.IsValid(value));

    [Theory]
    [InlineData("7328293200007")]
    [InlineData("732829320000740")]
    [InlineData("7328293200007A")]
    [InlineData("")]
    [InlineData(null)]
    public void WrongLengthOrCharacters_IsInvalid(string? value) => Assert.False(Siret.IsValid(value));

    [Fact]
    public void LuhnValidButSirenPartInvalid_IsInvalid()
    {
        // 732829321 is not a valid SIREN; the NIC is chosen so the 14 digits still pass Luhn.
        const string value = "73282932100007";
        Assert.True(LuhnTestHelper.PassesLuhn(value));
        Assert.False(Siren.IsValid(value[..9]));
        Assert.False(Siret.IsValid(value));
    }

    [Fact]
    public void LaPosteHeadOffice_IsValid()
    {
        Assert.True(LuhnTestHelper.PassesLuhn("35600000000048"));
        Assert.True(Siret.IsValid("35600000000048"));
    }

    [Fact]
    public void LaPosteEstablishmentWithDigitSumMultipleOfFive_IsValidThroughException()
    {
        const string value = "35600000049837";
        Assert.False(LuhnTestHelper.PassesLuhn(value));
        Assert.Equal(0, value.Sum(c => c - '0') % 5);
        Assert.True(Siret.IsValid(value));
    }

    [Fact]
    public void LaPosteEstablishmentWithDigitSumNotMultipleOfFive_IsInvalid()
    {
        const string value = "35600000049838";
        Assert.False(LuhnTestHelper.PassesLuhn(value));
        Assert.NotEqual(0, value.Sum(c => c - '0') % 5);
        Assert.False(Siret.IsValid(value));
    }

    [Fact]
    public void OtherCompanyWithDigitSumMultipleOfFive_IsInvalid()
    {
        // The digit-sum rule is for La Poste only.
        const string value = "73282932000004";
        Assert.False(LuhnTestHelper.PassesLuhn(value));
        Assert.Equal(0, value.Sum(c => c - '0') % 5);
        Assert.False(Siret.IsValid(value));
    }

    [Theory]
    [InlineData("36252187900034", "362 521 879 00034")]
    [InlineData("3625218790003", "3625218790003")]
    [InlineData("36252187900O34", "36252187900O34")]
    public void Spaced_GroupsFourteenDigitsOnly(string value, string expected) => Assert.Equal(expected, Siret.Spaced(value));
}
