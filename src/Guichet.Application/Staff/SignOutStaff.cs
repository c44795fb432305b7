using Guichet.Application.Auditing;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Staff;

/// <summary>Records that a staff member ended their session (the door removes its cookie); a session of an unknown member records nothing.</summary>
public sealed class SignOutStaff(GuichetDbContext db, AuditTrail audit)
{
    public async Task HandleAsync(Guid staffId, string? remoteAddress, CancellationToken cancellationToken)
    {
        var member = await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == staffId, cancellationToken);
        if (member is null)
        {
            return;
        }

        audit.Record(StaffStore.ActorName(member), AuditEvents.StaffSignedOut, null, member.Email, remoteAddress: remoteAddress);
        await db.SaveChangesAsync(cancellationToken);
    }
}
