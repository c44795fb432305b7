namespace Guichet.Application.Partners;

/// <summary>"de" and "à" before a name, contracted or elided as French wants: "du Fafiec", "d'Akto", "au Fafiec", "à l'Opco".</summary>
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

    /// <summary>"à" before a name: "au Fafiec", "aux OPCO", "à l'Opcommerce", "à Akto" ("à" is never elided).</summary>
    public static string A(string name) => name switch
    {
        _ when name.StartsWith("le ", StringComparison.OrdinalIgnoreCase) => "au " + name[3..],
        _ when name.StartsWith("les ", StringComparison.OrdinalIgnoreCase) => "aux " + name[4..],
        _ => "à " + name,
    };
}
