using Guichet.Application.People;
using Guichet.Domain.Common;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Guichet.Server.Areas.Portal;

/// <summary>Base of the portal's pages: maps use-case errors onto the form, and builds the links sent by email.</summary>
public abstract class PortalPageModel : PageModel
{
    protected Guid PersonId => User.PersonId();

    protected PortalLinks Links
    {
        get
        {
            var configured = HttpContext.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value.PublicBaseUrl;
            return new PortalLinks(string.IsNullOrWhiteSpace(configured) ? $"{Request.Scheme}://{Request.Host}{Request.PathBase}" : configured);
        }
    }

    /// <summary>Each error under its field (the form's property name), or at the top of the form when it has none.</summary>
    protected void ShowErrors(IEnumerable<Error> errors, string? prefix = null)
    {
        foreach (var error in errors)
        {
            var key = error.Field is null ? string.Empty : prefix is null ? error.Field : $"{prefix}.{error.Field}";
            ModelState.AddModelError(key, error.Message);
        }
    }
}
