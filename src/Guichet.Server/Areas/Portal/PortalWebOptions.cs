namespace Guichet.Server.Areas.Portal;

/// <summary>Settings of the portal's web layer (section <c>Portal</c>, shared with the portal's use cases).</summary>
public sealed class PortalWebOptions
{
    public const string Section = "Portal";

    /// <summary><c>true</c> behind a TLS-terminating proxy: every cookie of the host, portal and back office, is then Secure.</summary>
    public bool SecureCookiesAlways { get; set; }

    /// <summary>POSTs one address may make to the anonymous forms per minute.</summary>
    public int AnonymousFormPostsPerMinute { get; set; } = 20;

    /// <summary>
    /// Behind a TLS-terminating proxy cookies must be Secure although the proxy talks plain HTTP to us; otherwise they are
    /// Secure whenever the request is HTTPS, so the embedded default still works on http://localhost.
    /// </summary>
    public CookieSecurePolicy CookieSecurePolicy => SecureCookiesAlways ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
}
