namespace Guichet.Server.Areas.Partners;

/// <summary>The Partenaire space's cookie scheme; its principal is a person's (<see cref="People.PersonClaims"/>).</summary>
public static class PartnerClaims
{
    public const string Scheme = "Partners";
}
