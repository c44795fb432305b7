using Guichet.Server.Areas.BackOffice;
using Guichet.Server.Areas.Partners;
using Guichet.Server.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Guichet.Server.Pages;

/// <summary>
/// The only error page, for every area and for unknown addresses: no detail, no stack trace, only the request's
/// reference, which the log line of an unexpected error carries too, so that support can find what happened.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErreurModel(IOptions<Doors> doors, ILogger<ErreurModel> logger) : PageModel
{
    public const string PageName = "/Erreur";

    public const string Path = "/erreur";

    [BindProperty(SupportsGet = true, Name = "code")]
    public int? Code { get; set; }

    public bool IsNotFound => Code is StatusCodes.Status404NotFound or StatusCodes.Status403Forbidden;

    public bool IsTooMany => Code == StatusCodes.Status429TooManyRequests;

    /// <summary>
    /// A form refused before any page code ran: in practice an antiforgery token that no longer matches (a form kept
    /// open in two tabs, or from before signing in). It is not logged as an error, so the page does not say it was.
    /// </summary>
    public bool IsBadRequest => Code == StatusCodes.Status400BadRequest;

    public string Reference => HttpContext.TraceIdentifier;

    /// <summary>
    /// Lead back to the back office rather than to the portal: the address that failed was the back office's, or this
    /// instance has no portal to lead to (<see cref="Doors"/>). Never to a door this instance keeps closed.
    /// </summary>
    public bool LeadsToBackOffice => doors.Value.BackOffice
        && (!doors.Value.Portal || new PathString(OriginalPath).StartsWithSegments(BackOfficePages.PathBase));

    /// <summary>The back office's home, the Partenaire space's or the portal's, whichever the failing address was under.</summary>
    public string HomePath => LeadsToBackOffice ? BackOfficePages.PathBase
        : new PathString(OriginalPath).StartsWithSegments(PartnerPages.PathBase) ? PartnerPages.PathBase : "/";

    private string? OriginalPath =>
        HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;

    public void OnGet() => LogUnexpectedError();

    public void OnPost() => LogUnexpectedError();

    private void LogUnexpectedError()
    {
        if (HttpContext.Features.Get<IExceptionHandlerFeature>() is { } failure)
        {
            if (AbandonedRequest.Is(failure.Error, HttpContext))
            {
                logger.LogDebug("Request {Reference} to {Path} was abandoned by the client.", Reference, failure.Path);
                return;
            }

            logger.LogError(failure.Error, "Request {Reference} to {Path} failed with an unexpected error.", Reference, failure.Path);
        }
    }
}
