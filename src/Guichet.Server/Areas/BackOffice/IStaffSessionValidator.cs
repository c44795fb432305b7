using Guichet.Application.Staff;

namespace Guichet.Server.Areas.BackOffice;

/// <summary>
/// Asked on every back-office request whether a staff session still stands: the staff member exists, is enabled, and
/// the cookie's security stamp is the current one (a password reset, a new second factor or a disabling renews it).
/// </summary>
public interface IStaffSessionValidator
{
    Task<bool> IsCurrentAsync(Guid staffId, string securityStamp, CancellationToken cancellationToken);
}

/// <summary>The staff accounts' answer (<see cref="ValidateStaffSession"/>); a stamp that is not a GUID is no session.</summary>
public sealed class StaffSessionValidator(ValidateStaffSession validate) : IStaffSessionValidator
{
    public async Task<bool> IsCurrentAsync(Guid staffId, string securityStamp, CancellationToken cancellationToken) =>
        Guid.TryParse(securityStamp, out var stamp) && await validate.HandleAsync(staffId, stamp, cancellationToken);
}
