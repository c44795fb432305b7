using Guichet.Application.Auditing;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Staff;

/// <summary>Enables a disabled staff member again, with the password and authenticator they had.</summary>
public sealed class EnableStaffMember(GuichetDbContext db, AuditTrail audit)
{
    public async Task<Result<StaffMemberSummary>> HandleAsync(
        Guid staffId, StaffActor actor, string? remoteAddress, CancellationToken cancellationToken)
    {
        var actorName = await db.ResolveAsync(actor, cancellationToken);
        if (!actorName.Succeeded)
        {
            return actorName.Cast<StaffMemberSummary>();
        }

        var member = await db.StaffMembers.SingleOrDefaultAsync(s => s.Id == staffId, cancellationToken);
        if (member is null)
        {
            return StaffErrors.NotFound();
        }

        if (!member.Disabled)
        {
            return StaffErrors.AlreadyEnabled();
        }

        member.Disabled = false;
        member.Touch();
        audit.Record(actorName.Value, AuditEvents.StaffMemberEnabled, null, member.Email, StaffStore.Disabled, StaffStore.Enabled, remoteAddress);
        if (await db.SaveStaffAsync(cancellationToken) is { } failure)
        {
            return failure;
        }

        return await db.SummaryAsync(member, cancellationToken);
    }
}
