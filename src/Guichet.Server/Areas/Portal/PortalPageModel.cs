using Guichet.Application.People;
using Guichet.Domain.Common;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Server.Areas.Portal;

/// <summary>Base of the portal's pages: maps use-case errors onto the form, and builds the links sent by email.</summary>
public abstract class PortalPageModel : PageModel
{
    protected Guid PersonId => User.PersonId();

    protected PortalLinks Links => PortalEmailLinks.For(HttpContext);

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
