namespace Guichet.Server.Hosting;

/// <summary>
/// The headers every response carries, whichever door answers (pages of every space, error pages, static files, the SOAP
/// endpoint and its WSDL). The pages hold no inline script or style and no event attribute, so the policy allows nothing
/// but files of the site itself, images also as <c>data:</c> (the back office's TOTP QR code), and no framing at all.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    /// <summary>
    /// A year, without <c>includeSubDomains</c> or <c>preload</c>: other hosts of the domain are not ours to commit to
    /// HTTPS.
    /// </summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    /// <summary>
    /// Registered right after the forwarded headers (so that a request that reached the proxy over HTTPS counts as HTTPS)
    /// and before the error handlers. The headers are written as the response starts: the exception handler clears the
    /// headers of a failed response before it renders the error page, and the callback still runs after it.
    /// </summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                // For browsers that ignore frame-ancestors; also replaces antiforgery's SAMEORIGIN.
                headers.XFrameOptions = "DENY";
                if (context.Request.IsHttps)
                {
                    headers.StrictTransportSecurity = StrictTransportSecurity;
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
