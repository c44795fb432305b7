using Guichet.Server.People;

namespace Guichet.Server.Areas.Portal;

/// <summary>The Entreprise space's cookie scheme; a person's principal in it is <see cref="PersonClaims.For"/>.</summary>
public static class PortalClaims
{
    public const string Scheme = "Portal";
}
