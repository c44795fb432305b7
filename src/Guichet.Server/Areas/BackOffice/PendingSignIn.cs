using System.Security.Claims;
using Guichet.Domain.Staff;

namespace Guichet.Server.Areas.BackOffice;

/// <summary>
/// A staff member part-way through signing in (right password, second factor or enrolment still to come). Kept in a
/// cookie of its own scheme, short-lived, that no back-office policy but <see cref="BackOfficePolicies.PendingSignIn"/>
/// accepts: it opens the sign-in's next step and nothing else.
/// </summary>
public static class PendingSignIn
{
    public const string Scheme = "BackOfficePending";

    public const string StepClaim = "guichet:pending_step";

    public const string ReturnUrlClaim = "guichet:return_url";

    /// <summary>From the right password to the second factor: time enough to open an authenticator app, not more.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static ClaimsPrincipal For(Guid staffId, Guid securityStamp, StaffNextStep step, string? returnUrl)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, staffId.ToString()),
            new(BackOfficeClaims.SecurityStamp, securityStamp.ToString()),
            new(StepClaim, step.ToString()),
        ];
        if (!string.IsNullOrEmpty(returnUrl))
        {
            claims.Add(new(ReturnUrlClaim, returnUrl));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }

    public static StaffNextStep? PendingStep(this ClaimsPrincipal user) =>
        Enum.TryParse<StaffNextStep>(user.FindFirstValue(StepClaim), out var step) ? step : null;

    public static string? PendingReturnUrl(this ClaimsPrincipal user) => user.FindFirstValue(ReturnUrlClaim);

    /// <summary>
    /// Where the sign-in may lead afterwards: a local address of the back office, never one of the sign-in's own pages
    /// (nor an address that a browser would read as another site or another folder).
    /// </summary>
    public static string? AllowedReturnUrl(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > 2000 || !returnUrl.StartsWith('/')
            || returnUrl.StartsWith("//", StringComparison.Ordinal) || returnUrl.Contains('\\', StringComparison.Ordinal)
            || returnUrl.Any(char.IsControl))
        {
            return null;
        }

        var path = new PathString(returnUrl.Split('?', '#')[0]);
        var segments = path.Value!.Split('/');
        return path.StartsWithSegments(BackOfficePages.PathBase) && !segments.Any(s => s is "." or ".." || s.Contains('%', StringComparison.Ordinal))
            && !path.StartsWithSegments(BackOfficePages.PathBase + "/connexion", StringComparison.OrdinalIgnoreCase)
            ? returnUrl : null;
    }
}
