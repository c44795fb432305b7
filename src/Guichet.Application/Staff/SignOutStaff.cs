using Guichet.Application.Auditing;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Staff;

/// <summary>
/// Ends a staff member's session on the server, not only in the browser: the security stamp every staff cookie carries is
/// renewed, so a copy of the cookie opens nothing afterwards. This ends the member's sessions in other browsers too, which
/// staff, who work from one post, accept. A session of an unknown member records nothing.
/// </summary>
public sealed class SignOutStaff(GuichetDbContext db, AuditTrail audit)
{
    public async Task HandleAsync(Guid staffId, string? remoteAddress, CancellationToken cancellationToken)
    {
        var member = await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == staffId, cancellationToken);
        if (member is null)
        {
            return;
        }

        // One statement: whatever changed the member meanwhile, the stamp is renewed.
        var (stamp, version) = (Guid.NewGuid(), Guid.NewGuid());
        await db.StaffMembers.Where(s => s.Id == staffId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.SecurityStamp, stamp).SetProperty(s => s.Version, version), cancellationToken);
        audit.Record(StaffStore.ActorName(member), AuditEvents.StaffSignedOut, null, member.Email, remoteAddress: remoteAddress);
        await db.SaveChangesAsync(cancellationToken);
    }
}
