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
    public const string Session = "guichet:session";

    public static Guid PersonId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    /// <summary>The server-side session (<c>person_sessions</c>) the cookie belongs to; <see cref="Guid.Empty"/> when none.</summary>
    public static Guid SessionId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Session), out var id) ? id : Guid.Empty;

    public static bool MustChangePassword(this ClaimsPrincipal user) => user.HasClaim(PasswordExpired, "true");

    public static ClaimsPrincipal For(Person person, bool passwordExpired, string scheme, Guid sessionId)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, person.Id.ToString()),
            new(ClaimTypes.Name, person.DisplayName),
            new(ClaimTypes.Email, person.Email),
            new(SecurityStamp, person.SecurityStamp.ToString()),
            new(Session, sessionId.ToString()),
        ];
        if (passwordExpired)
        {
            claims.Add(new Claim(PasswordExpired, "true"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
