namespace Guichet.Application.Security;

/// <summary>Section <c>Security</c>.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>How far a WS-Security <c>Created</c> may be from the server's clock, either way.</summary>
    public TimeSpan WsseFreshness { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Tolerated skew for an SSO token minted slightly ahead of the server's clock.</summary>
    public TimeSpan SsoClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a SOAP user's verified password is remembered in memory (<see cref="VerifiedPasswordCache"/>); zero turns it off.</summary>
    public TimeSpan VerifiedPasswordCacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Failed WS-Security authentications one remote address may make per minute (counted per instance, in memory);
    /// past it every further failure answers TOO_MANY_FAILED_AUTHENTICATIONS and writes nothing.
    /// </summary>
    public int FailedWhiteLabelAuthenticationsPerAddressPerMinute { get; set; } = 20;

    /// <summary>How long the audit trail keeps failed authentications (SOAP white label, SOAP user, portal).</summary>
    public TimeSpan AuthenticationFailureRetention { get; set; } = TimeSpan.FromDays(365);
}
