namespace Guichet.Identifiers.Tests;

public class EmailAddressTests
{
    private const string Domain = "@example.com";

    [Theory]
    [InlineData("jean.dupont@example.com")]
    [InlineData("a@b.fr")]
    [InlineData("jean+guichet@mail.example.co.uk")]
    [InlineData("x_y-z@sub-domain.example.org")]
    [InlineData("user@xn--mairie-sant-ngb.fr")]
    [InlineData("user@123.example.com")]
    public void WellFormed_IsValid(string value) => Assert.True(EmailAddress.IsValid(value));

    [Theory]
    [InlineData("jean.dupont.example.com")]
    [InlineData("jean@dupont@example.com")]
    [InlineData("@example.com")]
    [InlineData("jean@")]
    public void MissingOrExtraAtOrEmptyPart_IsInvalid(string value) => Assert.False(EmailAddress.IsValid(value));

    [Theory]
    [InlineData("jean dupont@example.com")]
    [InlineData("jean@exa mple.com")]
    [InlineData(" jean@example.com")]
    [InlineData("jean@example.com ")]
    [InlineData("jean\t@example.com")]
    public void Whitespace_IsInvalid(string value) => Assert.False(EmailAddress.IsValid(value));

    [Theory]
    [InlineData("jean(dupont@example.com")]
    [InlineData("jean,dupont@example.com")]
    [InlineData("jean;dupont@example.com")]
    [InlineData("\"jean\"@example.com")]
    [InlineData("<jean@example.com")]
    [InlineData(".jean@example.com")]
    [InlineData("jean.@example.com")]
    [InlineData("jean..dupont@example.com")]
    [InlineData("élodie@example.com")]
    public void LocalPartOutsideTheDotAtom_IsInvalid(string value) => Assert.False(EmailAddress.IsValid(value));

    [Theory]
    [InlineData("o'brien@example.ie")]
    [InlineData("jean+tag!#$%&*/=?^_`{|}~-x@example.com")]
    public void LocalPartWithAtomSpecials_IsValid(string value) => Assert.True(EmailAddress.IsValid(value));

    [Theory]
    [InlineData("jean@localhost")]
    [InlineData("jean@example.")]
    [InlineData("jean@.example.com")]
    [InlineData("jean@example..com")]
    [InlineData("jean@-example.com")]
    [InlineData("jean@example-.com")]
    [InlineData("jean@exa_mple.com")]
    [InlineData("jean@exämple.com")]
    public void BadDomain_IsInvalid(string value) => Assert.False(EmailAddress.IsValid(value));

    [Fact]
    public void DomainLabelOfSixtyFourChars_IsInvalid()
    {
        Assert.True(EmailAddress.IsValid("jean@" + new string('a', 63) + ".com"));
        Assert.False(EmailAddress.IsValid("jean@" + new string('a', 64) + ".com"));
    }

    [Fact]
    public void ExactlyTwoHundredFiftyChars_IsValid()
    {
        var value = new string('a', 250 - Domain.Length) + Domain;
        Assert.Equal(250, value.Length);
        Assert.True(EmailAddress.IsValid(value));
    }

    [Fact]
    public void TwoHundredFiftyOneChars_IsInvalid()
    {
        var value = new string('a', 251 - Domain.Length) + Domain;
        Assert.Equal(251, value.Length);
        Assert.False(EmailAddress.IsValid(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void NullOrEmpty_IsInvalid(string? value) => Assert.False(EmailAddress.IsValid(value));
}
