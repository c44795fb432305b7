namespace Guichet.Server.Areas.BackOffice;

/// <summary>The back office's authorization policies; each one reads the <see cref="BackOfficeClaims.Scheme"/> cookie and no other.</summary>
public static class BackOfficePolicies
{
    /// <summary>A signed-in staff member, agent or administrator: the default of every back-office page.</summary>
    public const string Staff = "BackOffice.Staff";

    /// <summary>A staff administrator (white labels, staff accounts).</summary>
    public const string StaffAdministrator = "BackOffice.StaffAdministrator";
}
