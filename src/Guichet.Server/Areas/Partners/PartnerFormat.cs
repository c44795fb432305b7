using System.Globalization;
using Guichet.Domain.Common;

namespace Guichet.Server.Areas.Partners;

/// <summary>How the Partenaire space writes identifiers (grouped by three, as people read them off their papers) and dates.</summary>
public static class PartnerFormat
{
    /// <summary>"03/02/2026", the day in Paris.</summary>
    public static string ParisDate(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, FrenchTime.Zone).ToString("dd/MM/yyyy", CultureInfo.GetCultureInfo("fr-FR"));

    /// <summary>"362 521 879 00034"; anything that is not 14 digits is shown as it is.</summary>
    public static string Siret(string siret) =>
        siret.Length == 14 && siret.All(char.IsAsciiDigit) ? $"{siret[..3]} {siret[3..6]} {siret[6..9]} {siret[9..]}" : siret;

    /// <summary>"362 521 879"; anything that is not 9 digits is shown as it is.</summary>
    public static string Siren(string siren) =>
        siren.Length == 9 && siren.All(char.IsAsciiDigit) ? $"{siren[..3]} {siren[3..6]} {siren[6..]}" : siren;
}
