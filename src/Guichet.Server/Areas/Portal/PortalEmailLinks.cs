using Guichet.Application.People;
using Microsoft.Extensions.Options;

namespace Guichet.Server.Areas.Portal;

/// <summary>
/// The portal's links that emails carry, from the configured public address (or the request's own): the portal's pages
/// and the back office's actions on companies email the same people the same links.
/// </summary>
public static class PortalEmailLinks
{
    public static PortalLinks For(HttpContext http)
    {
        var configured = http.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value.PublicBaseUrl;
        var request = http.Request;
        return new PortalLinks(string.IsNullOrWhiteSpace(configured) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : configured);
    }
}
