namespace Guichet.Server.Areas.Portal;

/// <summary>The portal's authorization policies; each one reads the <see cref="PortalClaims.Scheme"/> cookie and no other.</summary>
public static class PortalPolicies
{
    /// <summary>A signed-in person: the default of every portal page.</summary>
    public const string Person = "Portal.Person";

    /// <summary>An active member (or administrator) of the company named by the route's <c>companyId</c>.</summary>
    public const string CompanyMember = "Portal.CompanyMember";

    /// <summary>An active administrator of the company named by the route's <c>companyId</c>.</summary>
    public const string CompanyAdministrator = "Portal.CompanyAdministrator";
}
