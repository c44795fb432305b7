using Guichet.Application.People;

namespace Guichet.Application.Partners;

/// <summary>Section <c>Partners</c>: the Partenaire space's fund, contact and tools.</summary>
public sealed class PartnerOptions
{
    public const string Section = "Partners";

    /// <summary>
    /// The fund as a sentence names it after "de", with its article when French wants one ("l'Opcommerce",
    /// "le Fafiec", "Akto"): <see cref="OfFund"/> writes "de l'Opcommerce", "du Fafiec", "d'Akto".
    /// </summary>
    public string FundName { get; set; } = "l'Opcommerce";

    /// <summary>Where a training body finds its contact at the fund ("Nous contacter").</summary>
    public string ContactUrl { get; set; } = "https://www.lopcommerce.com/nous-contacter";

    /// <summary>
    /// The tools a person with at least one establishment sees on the space's home; <see cref="ExampleTools"/> when the
    /// settings name none. Empty here, not the examples: the configuration binder adds a list's configured items to the
    /// ones it finds, so configured tools would otherwise come after the examples instead of replacing them.
    /// </summary>
    public List<ToolLink> Tools { get; set; } = [];

    public static List<ToolLink> ExampleTools =>
    [
        new()
        {
            Name = "Demandes de prise en charge",
            Description = "Déposer et suivre les demandes de prise en charge de vos établissements.",
            Url = "https://of.example.fr/prises-en-charge",
        },
        new()
        {
            Name = "Facturation",
            Description = "Transmettre vos factures et suivre leurs règlements.",
            Url = "https://of.example.fr/factures",
        },
    ];

    /// <summary>"de" and the fund's name, as French writes them together.</summary>
    public string OfFund => FrenchPreposition.De(FundName.Trim());

    /// <summary>"à" and the fund's name, as French writes them together: "à l'Opcommerce", "au Fafiec".</summary>
    public string ToFund => FrenchPreposition.A(FundName.Trim());
}
