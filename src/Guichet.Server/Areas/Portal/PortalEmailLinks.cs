using Guichet.Application.People;

namespace Guichet.Server.Areas.Portal;

/// <summary>
/// The Entreprise space's links that emails carry, from the configured public address (or the request's own): the
/// portal's pages and the back office's actions on companies email the same people the same links.
/// </summary>
public static class PortalEmailLinks
{
    public static PortalLinks For(HttpContext http) => PortalPages.Space.LinksFor(http);
}
