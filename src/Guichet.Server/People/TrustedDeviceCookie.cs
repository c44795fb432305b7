using Guichet.Application.People;
using Guichet.Domain.People;
using Guichet.Server.Areas.Portal;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Guichet.Server.People;

/// <summary>
/// The cookie that makes a browser a person's trusted device once they signed in with it (<see cref="SignIn"/>): the
/// email and a random device id, protected by Data Protection (it cannot be forged, and it holds no secret), for
/// <see cref="Lifetime"/>. Shared by both spaces, which share people. A cookie of another email, expired or tampered
/// with is ignored: the browser is then a stranger's, behind the address's own brake.
/// </summary>
public sealed class TrustedDeviceCookie(IDataProtectionProvider protection, IOptions<PortalWebOptions> web, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("Guichet.People.TrustedDevice").ToTimeLimitedDataProtector();

    public string Name => web.Value.CookieName("guichet.device");

    /// <summary>The device id this browser holds for this email, if any.</summary>
    public Guid? Read(HttpRequest request, string? email)
    {
        var key = Person.NormalizeEmail(email);
        if (key.Length == 0 || request.Cookies[Name] is not { Length: > 0 and < 1000 } value)
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(value).Split('\n');
            return parts.Length == 2 && parts[0] == key && Guid.TryParse(parts[1], out var device) ? device : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Remembers (or renews) the device for the email that just signed in.</summary>
    public void Remember(HttpResponse response, string email, Guid device)
    {
        var expires = clock.GetUtcNow() + Lifetime;
        response.Cookies.Append(Name, _protector.Protect($"{Person.NormalizeEmail(email)}\n{device:D}", expires), new CookieOptions
        {
            HttpOnly = true,
            Secure = web.Value.SecureCookiesAlways || response.HttpContext.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            Expires = expires,
            IsEssential = true,
        });
    }
}
