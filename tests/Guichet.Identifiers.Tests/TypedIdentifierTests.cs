namespace Guichet.Identifiers.Tests;

public class TypedIdentifierTests
{
    [Theory]
    [InlineData("732 829 320", "732829320")]
    [InlineData("732\u00a0829\u00a0320", "732829320")]
    [InlineData("732\u202f829\u202f320", "732829320")]
    [InlineData("732.829.320", "732829320")]
    [InlineData(" 732-829-320\t", "732829320")]
    [InlineData("732 829 320 00074", "73282932000074")]
    [InlineData(null, "")]
    public void Separators_AreRemoved(string? typed, string compact) => Assert.Equal(compact, TypedIdentifier.Compact(typed));

    [Theory]
    [InlineData("732/829/320")]
    [InlineData("SIREN 732829320")]
    public void OtherCharacters_Stay_SoTheCheckRefusesThem(string typed) => Assert.False(Siren.IsValid(TypedIdentifier.Compact(typed)));
}
