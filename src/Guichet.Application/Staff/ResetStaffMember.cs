using Guichet.Application.Auditing;
using Guichet.Application.Security;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Staff;

/// <summary>
/// Puts a staff member back to a first sign-in (lost phone, forgotten password): a new one-time password (shown once),
/// no authenticator, no recovery codes, every session ended. Never on oneself: a stolen session must not turn into a
/// new password and a new authenticator.
/// </summary>
public sealed class ResetStaffMember(GuichetDbContext db, PasswordHashing hashing, AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<StaffMemberReset>> HandleAsync(
        Guid staffId, StaffActor actor, string? remoteAddress, CancellationToken cancellationToken)
    {
        if (actor.AdministratorId == staffId)
        {
            return StaffErrors.OwnAccount();
        }

        var actorName = await db.ResolveAsync(actor, cancellationToken);
        if (!actorName.Succeeded)
        {
            return actorName.Cast<StaffMemberReset>();
        }

        var member = await db.StaffMembers.Include(s => s.RecoveryCodes).SingleOrDefaultAsync(s => s.Id == staffId, cancellationToken);
        if (member is null)
        {
            return StaffErrors.NotFound();
        }

        var password = StaffPasswords.NewOneTimePassword();
        var recoveryCodes = member.RecoveryCodes.Count;
        member.Reset(await hashing.HashAsync(password, cancellationToken), clock.GetUtcNow());
        audit.Record(actorName.Value, AuditEvents.StaffMemberReset, null, member.Email, remoteAddress: remoteAddress,
            detail: $"one-time password; authenticator and {recoveryCodes} recovery codes removed");
        if (await db.SaveStaffAsync(cancellationToken) is { } failure)
        {
            return failure;
        }

        return new StaffMemberReset(member.Id, member.Email, password);
    }
}
