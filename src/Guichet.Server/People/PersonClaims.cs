using System.Security.Claims;
using Guichet.Domain.People;

namespace Guichet.Server.People;

/// <summary>
/// What a person's cookie says, in either space (each space its own scheme); re-checked against the store on every
/// request.
/// </summary>
public static class PersonClaims
{
    public const string SecurityStamp = "guichet:stamp";
    public const string PasswordExpired = "guichet:password_expired";

    public static Guid PersonId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    public static bool MustChangePassword(this ClaimsPrincipal user) => user.HasClaim(PasswordExpired, "true");

    public static ClaimsPrincipal For(Person person, bool passwordExpired, string scheme)
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

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
