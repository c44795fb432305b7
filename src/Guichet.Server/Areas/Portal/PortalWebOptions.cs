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

    /// <summary>
    /// A cookie's name: <c>__Host-</c> prefixed when cookies are always Secure, so that the browser takes it only from
    /// this host, over HTTPS, for the whole site (a sibling host or a plain-HTTP page cannot plant or shadow it). The name is
    /// fixed at start: with <see cref="CookieSecurePolicy.SameAsRequest"/> (http://localhost) the plain name is kept.
    /// </summary>
    public string CookieName(string name) => SecureCookiesAlways ? "__Host-" + name : name;
}
