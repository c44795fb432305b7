namespace Guichet.Server.Areas.BackOffice;

/// <summary>The back office's authorization policies; each one reads one back-office cookie and no other (no default scheme).</summary>
public static class BackOfficePolicies
{
    /// <summary>A signed-in staff member, agent or administrator: the default of every back-office page.</summary>
    public const string Staff = "BackOffice.Staff";

    /// <summary>A staff administrator (white labels, staff accounts).</summary>
    public const string StaffAdministrator = "BackOffice.StaffAdministrator";

    /// <summary>
    /// The sign-in's later steps only: reads the <see cref="PendingSignIn.Scheme"/> cookie (and no other), which
    /// <see cref="Staff"/> never accepts.
    /// </summary>
    public const string PendingSignIn = "BackOffice.PendingSignIn";
}
