namespace Guichet.Application.Partners;

/// <summary>"de" before a name, contracted or elided as French wants: "du Fafiec", "des OPCO", "d'Akto", "de l'Opco".</summary>
public static class FrenchPreposition
{
    private const string Vowels = "aeiouyhàâäéèêëîïôöùûüAEIOUYHÀÂÄÉÈÊËÎÏÔÖÙÛÜ";

    public static string De(string name) => name switch
    {
        _ when name.StartsWith("le ", StringComparison.OrdinalIgnoreCase) => "du " + name[3..],
        _ when name.StartsWith("les ", StringComparison.OrdinalIgnoreCase) => "des " + name[4..],
        [var first, ..] when Vowels.Contains(first) => "d'" + name,
        _ => "de " + name,
    };
}
