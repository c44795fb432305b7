using Guichet.Application.Partners;

namespace Guichet.Server.Tests.Partners;

/// <summary>The fund's name after "de" and "à", as the guide's sentences need it whatever the fund.</summary>
public sealed class FrenchPrepositionTests
{
    [Theory]
    [InlineData("l'Opcommerce", "de l'Opcommerce")]
    [InlineData("le Fafiec", "du Fafiec")]
    [InlineData("Le Fafiec", "du Fafiec")]
    [InlineData("les OPCO", "des OPCO")]
    [InlineData("la Caisse", "de la Caisse")]
    [InlineData("Akto", "d'Akto")]
    [InlineData("Uniformation", "d'Uniformation")]
    [InlineData("Constructys", "de Constructys")]
    public void De_ContractsOrElidesAsFrenchWrites(string name, string expected) => Assert.Equal(expected, FrenchPreposition.De(name));

    [Theory]
    [InlineData("l'Opcommerce", "à l'Opcommerce")]
    [InlineData("le Fafiec", "au Fafiec")]
    [InlineData("les OPCO", "aux OPCO")]
    [InlineData("la Caisse", "à la Caisse")]
    [InlineData("Akto", "à Akto")]
    public void A_ContractsAsFrenchWrites(string name, string expected) => Assert.Equal(expected, FrenchPreposition.A(name));

}
