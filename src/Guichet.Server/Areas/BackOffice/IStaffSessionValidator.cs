namespace Guichet.Server.Areas.BackOffice;

/// <summary>
/// Asked on every back-office request whether a staff session still stands: the staff member exists, is enabled, and
/// the cookie's security stamp is the current one (a password reset, a new second factor or a disabling renews it).
/// </summary>
public interface IStaffSessionValidator
{
    Task<bool> IsCurrentAsync(Guid staffId, string securityStamp, CancellationToken cancellationToken);
}

/// <summary>Until staff accounts exist, no staff session stands: the back office fails closed.</summary>
public sealed class NoStaffSessions : IStaffSessionValidator
{
    public Task<bool> IsCurrentAsync(Guid staffId, string securityStamp, CancellationToken cancellationToken) => Task.FromResult(false);
}
