using Guichet.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Staff;

/// <summary>For the back office's cookie validator: a session holds while its member is enabled and its stamp current.</summary>
public sealed class ValidateStaffSession(GuichetDbContext db)
{
    public Task<bool> HandleAsync(Guid staffId, Guid securityStamp, CancellationToken cancellationToken) =>
        db.StaffMembers.AnyAsync(s => s.Id == staffId && s.SecurityStamp == securityStamp && !s.Disabled, cancellationToken);
}
