using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Portal.Pages;

/// <summary>The only error page a person sees: no detail, no stack trace.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErreurModel : PortalPageModel
{
    [BindProperty(SupportsGet = true, Name = "code")]
    public int? Code { get; set; }

    public bool IsNotFound => Code == StatusCodes.Status404NotFound;

    public bool IsTooMany => Code == StatusCodes.Status429TooManyRequests;

    public void OnGet()
    {
    }

    public void OnPost()
    {
    }
}
