namespace Guichet.Identifiers.Tests;

public class CountriesTests
{
    [Theory]
    [InlineData("FR")]
    [InlineData("DE")]
    [InlineData("AX")]
    [InlineData("GR")]
    [InlineData("ZW")]
    [InlineData("SS")]
    [InlineData("BQ")]
    public void AssignedCode_IsIsoAlpha2(string value) => Assert.True(Countries.IsIsoAlpha2(value));

    [Theory]
    [InlineData("fr")]
    [InlineData("Fr")]
    [InlineData("XX")]
    [InlineData("FRA")]
    [InlineData("F")]
    [InlineData("")]
    [InlineData(" FR")]
    [InlineData("EL")]
    [InlineData("UK")]
    [InlineData("AN")]
    [InlineData(null)]
    public void UnassignedOrMalformed_IsNotIsoAlpha2(string? value) => Assert.False(Countries.IsIsoAlpha2(value));

    [Fact]
    public void IsoAlpha2Codes_HasTheTwoHundredFortyNineAssignedCodes()
    {
        Assert.Equal(249, Countries.IsoAlpha2Codes.Count);
        Assert.All(Countries.IsoAlpha2Codes, code => Assert.Matches("^[A-Z]{2}$", code));
    }

    [Theory]
    [InlineData("FR")]
    [InlineData("GR")]
    [InlineData("DE")]
    [InlineData("HR")]
    [InlineData("CY")]
    public void MemberState_IsEuropeanUnionMember(string value) => Assert.True(Countries.IsEuropeanUnionMember(value));

    [Theory]
    [InlineData("CH")]
    [InlineData("GB")]
    [InlineData("NO")]
    [InlineData("EL")]
    [InlineData("fr")]
    [InlineData("")]
    [InlineData(null)]
    public void NonMember_IsNotEuropeanUnionMember(string? value) => Assert.False(Countries.IsEuropeanUnionMember(value));

    [Fact]
    public void EuropeanUnionMembers_AreTwentySevenAssignedCodes()
    {
        Assert.Equal(27, Countries.EuropeanUnionMembers.Count);
        Assert.Subset(Countries.IsoAlpha2Codes.ToHashSet(), Countries.EuropeanUnionMembers.ToHashSet());
    }
}
