using Guichet.Domain.Accounts;

namespace Guichet.Domain.Tests;

public class SearchKeysTests
{
    [Theory]
    [InlineData("Société Générale", "societe generale")]
    [InlineData("  SOCIETE-GENERALE ", "societe generale")]
    [InlineData("L'Œuvre — Ætna & Straße", "l oeuvre aetna strasse")]
    [InlineData("Łódź Øresund", "lodz oresund")]
    [InlineData("ＡＢＣ ﬁne", "abc fine")]
    [InlineData("«»", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void Text_LowerCaseWithoutAccents_SeparatorsOneSpace(string? value, string? expected)
    {
        Assert.Equal(expected, SearchKeys.Text(value));
    }

    [Fact]
    public void PrefixUpperBound_EveryKeyWithThePrefixIsBelowIt_NoOtherIs()
    {
        var upper = SearchKeys.PrefixUpperBound("abc");

        Assert.Equal("abd", upper);
        Assert.True(string.CompareOrdinal("abc zzz", upper) < 0);
        Assert.True(string.CompareOrdinal("abd", upper) >= 0);
    }

    [Theory]
    [InlineData("732 829 320 00074", "73282932000074")]
    [InlineData("732.829.320-00074", "73282932000074")]
    [InlineData("732829320a", null)]
    [InlineData(" - ", null)]
    public void Digits_TypedWithSeparators(string value, string? expected)
    {
        Assert.Equal(expected, SearchKeys.Digits(value));
    }

    [Fact]
    public void Email_TrimmedLowerCase()
    {
        Assert.Equal("claire.martin@example.fr", SearchKeys.Email(" Claire.Martin@EXAMPLE.fr "));
    }
}
