using System.Globalization;
using System.Security.Claims;

namespace Guichet.Server.Areas.BackOffice;

/// <summary>What the back office's cookie says about a staff member; re-checked on every request.</summary>
public static class BackOfficeClaims
{
    public const string Scheme = "BackOffice";
    public const string SecurityStamp = "guichet:staff_stamp";

    /// <summary>When the staff member signed in (Unix seconds): no session lives longer than 8 hours from it, however active.</summary>
    public const string IssuedAt = "guichet:issued_at";

    public const string AgentRole = "agent";
    public const string AdministratorRole = "administrator";

    public static Guid StaffId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    public static DateTimeOffset? SignedInAt(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(IssuedAt), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    public static ClaimsPrincipal For(Guid staffId, string email, string displayName, string role, string securityStamp, DateTimeOffset issuedAt)
    {
        if (role is not (AgentRole or AdministratorRole))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "A staff role is agent or administrator.");
        }

        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, staffId.ToString()),
            new(ClaimTypes.Name, displayName),
            new(ClaimTypes.Email, email),
            new(ClaimTypes.Role, role),
            new(SecurityStamp, securityStamp),
            new(IssuedAt, issuedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        ];
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
