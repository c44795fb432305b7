using Guichet.Domain.Common;

namespace Guichet.Server.Areas.Partners;

/// <summary>How the Partenaire space writes identifiers (grouped by three, as people read them off their papers) and dates.</summary>
public static class PartnerFormat
{
    /// <summary>"03/02/2026", the day in Paris.</summary>
    public static string ParisDate(DateTimeOffset at) => FrenchFormat.ParisDate(at);

    /// <summary>"362 521 879 00034"; anything that is not 14 digits is shown as it is.</summary>
    public static string Siret(string siret) => Identifiers.Siret.Spaced(siret);

    /// <summary>"362 521 879"; anything that is not 9 digits is shown as it is.</summary>
    public static string Siren(string siren) => Identifiers.Siren.Spaced(siren);
}
