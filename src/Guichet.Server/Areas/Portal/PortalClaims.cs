using System.Security.Claims;

namespace Guichet.Server.Areas.Portal;

/// <summary>What the portal's cookie says about the person; re-checked against the store on every request.</summary>
public static class PortalClaims
{
    public const string Scheme = "Portal";
    public const string SecurityStamp = "guichet:stamp";
    public const string PasswordExpired = "guichet:password_expired";

    public static Guid PersonId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    public static bool MustChangePassword(this ClaimsPrincipal user) => user.HasClaim(PasswordExpired, "true");

    public static ClaimsPrincipal For(Domain.People.Person person, bool passwordExpired)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, person.Id.ToString()),
            new(ClaimTypes.Name, person.DisplayName),
            new(ClaimTypes.Email, person.Email),
            new(SecurityStamp, person.SecurityStamp.ToString()),
        ];
        if (passwordExpired)
        {
            claims.Add(new Claim(PasswordExpired, "true"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }
}
