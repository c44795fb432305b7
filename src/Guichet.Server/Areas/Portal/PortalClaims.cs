using System.Security.Claims;
using Guichet.Server.People;

namespace Guichet.Server.Areas.Portal;

/// <summary>The Entreprise space's cookie scheme, and a person's principal in it (<see cref="PersonClaims"/>).</summary>
public static class PortalClaims
{
    public const string Scheme = "Portal";

    /// <summary>For authorization checks only: with no session row behind it, a cookie made of it opens no page.</summary>
    public static ClaimsPrincipal For(Domain.People.Person person, bool passwordExpired) =>
        PersonClaims.For(person, passwordExpired, Scheme, sessionId: Guid.Empty);
}
