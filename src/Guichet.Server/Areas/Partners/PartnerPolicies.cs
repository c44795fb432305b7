namespace Guichet.Server.Areas.Partners;

/// <summary>The Partenaire space's authorization policies; each one reads the <see cref="PartnerClaims.Scheme"/> cookie and no other.</summary>
public static class PartnerPolicies
{
    /// <summary>A signed-in person: the default of every Partenaire page.</summary>
    public const string Person = "Partners.Person";
}
