using System.Globalization;

namespace Guichet.Identifiers.Tests;

public class VatNumberTests
{
    [Fact]
    public void FrenchWithCorrectKey_IsValid() => Assert.True(VatNumber.IsValid("FR40303265045"));

    [Theory]
    [InlineData("FR39303265045")]
    [InlineData("FR41303265045")]
    public void FrenchKeyOffByOne_IsInvalid(string value) => Assert.False(VatNumber.IsValid(value));

    [Fact]
    public void FrenchKeyBelowTen_IsZeroPadded()
    {
        // (12 + 3 * (100000207 mod 97)) mod 97 = 3.
        Assert.True(Siren.IsValid("100000207"));
        Assert.Equal("FR03100000207", VatNumber.FrenchNumberFor("100000207"));
        Assert.True(VatNumber.IsValid("FR03100000207"));
        Assert.False(VatNumber.IsValid("FR3100000207"));
    }

    [Theory]
    [InlineData("732829320", "FR44732829320")]
    [InlineData("356000000", "FR39356000000")]
    public void FrenchNumberFor_MatchesKeyFormula(string siren, string expected)
    {
        var key = (12 + (3 * (long.Parse(siren, CultureInfo.InvariantCulture) % 97))) % 97;
        Assert.Equal($"FR{key:00}{siren}", expected);
        Assert.Equal(expected, VatNumber.FrenchNumberFor(siren));
        Assert.True(VatNumber.IsValid(expected));
    }

    [Fact]
    public void FrenchNumberFor_ReturnsPrefixKeyAndSiren() =>
        Assert.Equal("FR40303265045", VatNumber.FrenchNumberFor("303265045"));

    [Theory]
    [InlineData("303265046")]
    [InlineData("30326504")]
    [InlineData("")]
    [InlineData("30326504A")]
    public void FrenchNumberForInvalidSiren_Throws(string siren) =>
        Assert.Throws<ArgumentException>(() => VatNumber.FrenchNumberFor(siren));

    [Theory]
    [InlineData("FRK7399859412")]
    [InlineData("FR4Z123456782")]
    [InlineData("FRAZ303265045")]
    [InlineData("FR0H303265045")]
    public void FrenchAlphanumericKey_PassingTheViesRule_IsValid(string value) => Assert.True(VatNumber.IsValid(value));

    [Theory]
    [InlineData("FRK8399859412")]
    [InlineData("FRK6399859412")]
    [InlineData("FRA0303265045")]
    [InlineData("FR1A303265045")]
    [InlineData("FRZZ303265045")]
    [InlineData("FR0J303265045")]
    public void FrenchAlphanumericKey_FailingTheViesRule_IsInvalid(string value) => Assert.False(VatNumber.IsValid(value));

    [Theory]
    [InlineData("FRO0303265045")]
    [InlineData("FRI0303265045")]
    [InlineData("FRa0303265045")]
    [InlineData("FR-0303265045")]
    public void FrenchKeyWithOorIOrOtherCharacters_IsInvalid(string value) => Assert.False(VatNumber.IsValid(value));

    [Theory]
    [InlineData("FR40303265046")]
    [InlineData("FRAZ303265046")]
    public void FrenchWithInvalidSiren_IsInvalid(string value) => Assert.False(VatNumber.IsValid(value));

    [Theory]
    [InlineData("FR4030326504")]
    [InlineData("FR403032650450")]
    [InlineData("fr40303265045")]
    [InlineData("FR 40303265045")]
    [InlineData("FR40303265045\n")]
    public void FrenchMalformed_IsInvalid(string value) => Assert.False(VatNumber.IsValid(value));

    [Theory]
    [InlineData("ATU12345678")]
    [InlineData("BE0123456789")]
    [InlineData("BE1123456789")]
    [InlineData("BG123456789")]
    [InlineData("BG1234567890")]
    [InlineData("CY12345678L")]
    [InlineData("CZ12345678")]
    [InlineData("CZ1234567890")]
    [InlineData("DE123456789")]
    [InlineData("DK12345678")]
    [InlineData("EE123456789")]
    [InlineData("EL123456789")]
    [InlineData("ESX1234567X")]
    [InlineData("ES12345678Z")]
    [InlineData("ESA12345678")]
    [InlineData("FI12345678")]
    [InlineData("HR12345678901")]
    [InlineData("HU12345678")]
    [InlineData("IE1234567T")]
    [InlineData("IE1234567WA")]
    [InlineData("IE1A23456B")]
    [InlineData("IE1+23456B")]
    [InlineData("IE1*23456B")]
    [InlineData("IT12345678901")]
    [InlineData("LT123456789")]
    [InlineData("LT123456789012")]
    [InlineData("LU12345678")]
    [InlineData("LV12345678901")]
    [InlineData("MT12345678")]
    [InlineData("NL123456789B01")]
    [InlineData("PL1234567890")]
    [InlineData("PT123456789")]
    [InlineData("RO12")]
    [InlineData("RO1234567890")]
    [InlineData("SE123456789012")]
    [InlineData("SI12345678")]
    [InlineData("SK1234567890")]
    public void EuropeanFormat_IsValid(string value) => Assert.True(VatNumber.IsValid(value));

    [Theory]
    [InlineData("AT12345678")]
    [InlineData("ATU1234567")]
    [InlineData("BE2123456789")]
    [InlineData("BE123456789")]
    [InlineData("BG12345678")]
    [InlineData("CY123456789")]
    [InlineData("CZ1234567")]
    [InlineData("DE12345678")]
    [InlineData("DE1234567890")]
    [InlineData("DE12345678A")]
    [InlineData("de123456789")]
    [InlineData("DE 123456789")]
    [InlineData("DE123456789\n")]
    [InlineData("DE12345678\u0669")]
    [InlineData("DK123456789")]
    [InlineData("EE12345678")]
    [InlineData("EL12345678")]
    [InlineData("GR123456789")]
    [InlineData("ES123456789A")]
    [InlineData("ESx1234567X")]
    [InlineData("FI123456789")]
    [InlineData("HR1234567890")]
    [InlineData("HU123456789")]
    [InlineData("IE123456T")]
    [InlineData("IE1234567ABC")]
    [InlineData("IE1-23456B")]
    [InlineData("IT1234567890")]
    [InlineData("LT1234567890")]
    [InlineData("LU123456789")]
    [InlineData("LV1234567890")]
    [InlineData("MT1234567")]
    [InlineData("NL123456789C01")]
    [InlineData("NL123456789B1")]
    [InlineData("PL123456789")]
    [InlineData("PT12345678")]
    [InlineData("RO1")]
    [InlineData("RO12345678901")]
    [InlineData("SE12345678901")]
    [InlineData("SI1234567")]
    [InlineData("SK123456789")]
    public void EuropeanMalformed_IsInvalid(string value) => Assert.False(VatNumber.IsValid(value));

    [Theory]
    [InlineData("US123456789")]
    [InlineData("CH123456789")]
    [InlineData("GB123456789")]
    [InlineData("XX123456789")]
    public void UnknownPrefix_IsInvalid(string value) => Assert.False(VatNumber.IsValid(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("F")]
    [InlineData("FR")]
    [InlineData("DE")]
    public void NullEmptyOrPrefixOnly_IsInvalid(string? value) => Assert.False(VatNumber.IsValid(value));

    [Fact]
    public void Prefixes_CoverTheTwentySevenMemberStates()
    {
        Assert.Equal(27, VatNumber.Prefixes.Count);
        Assert.Contains("EL", VatNumber.Prefixes);
        Assert.DoesNotContain("GR", VatNumber.Prefixes);
        Assert.Contains("FR", VatNumber.Prefixes);
    }
}
