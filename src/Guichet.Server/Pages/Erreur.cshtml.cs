using Guichet.Server.Areas.BackOffice;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Server.Pages;

/// <summary>
/// The only error page, for every area and for unknown addresses: no detail, no stack trace, only the request's
/// identifier, which the log carries too, so that support can find what happened.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErreurModel : PageModel
{
    public const string PageName = "/Erreur";

    public const string Path = "/erreur";

    [BindProperty(SupportsGet = true, Name = "code")]
    public int? Code { get; set; }

    public bool IsNotFound => Code is StatusCodes.Status404NotFound or StatusCodes.Status403Forbidden;

    public bool IsTooMany => Code == StatusCodes.Status429TooManyRequests;

    public string Reference => HttpContext.TraceIdentifier;

    /// <summary>The address that failed was the back office's: lead back there rather than to the portal.</summary>
    public bool FromBackOffice => new PathString(OriginalPath).StartsWithSegments(BackOfficePages.PathBase);

    public string HomePath => FromBackOffice ? BackOfficePages.PathBase : "/";

    private string? OriginalPath =>
        HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;

    public void OnGet()
    {
    }

    public void OnPost()
    {
    }
}
