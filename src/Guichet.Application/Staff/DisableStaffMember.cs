using Guichet.Application.Auditing;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Staff;

/// <summary>
/// Disables a staff member (nothing is deleted; their sessions end with the new stamp). An administrator cannot
/// disable themselves, and the last enabled administrator cannot be disabled, even by two administrators at once.
/// </summary>
public sealed class DisableStaffMember(GuichetDbContext db, AuditTrail audit)
{
    public async Task<Result<StaffMemberSummary>> HandleAsync(
        Guid staffId, StaffActor actor, string? remoteAddress, CancellationToken cancellationToken)
    {
        if (actor.AdministratorId == staffId)
        {
            return StaffErrors.OwnAccount();
        }

        return await db.SerializableAsync(async () =>
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

            if (member.Disabled)
            {
                return StaffErrors.AlreadyDisabled();
            }

            if (member.Role == StaffRole.Administrator
                && !await db.StaffMembers.AnyAsync(s => s.Id != staffId && s.Role == StaffRole.Administrator && !s.Disabled, cancellationToken))
            {
                return StaffErrors.LastAdministrator();
            }

            member.Disabled = true;
            member.RenewSecurityStamp();
            audit.Record(actorName.Value, AuditEvents.StaffMemberDisabled, null, member.Email, StaffStore.Enabled, StaffStore.Disabled,
                remoteAddress);
            if (await db.SaveStaffAsync(cancellationToken) is { } failure)
            {
                return failure;
            }

            return await db.SummaryAsync(member, cancellationToken);
        }, cancellationToken);
    }
}
