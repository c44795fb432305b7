using Guichet.Application.Auditing;
using Guichet.Application.People;
using Guichet.Application.Security;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Guichet.Application.Staff;

/// <summary>
/// A staff member's new password, forced after a one-time password: the portal's password policy, the current
/// password first (a wrong one counts in the brake), never the same again. Ends every other session (new stamp).
/// </summary>
public sealed class ChangeStaffPassword(
    GuichetDbContext db,
    PasswordHashing hashing,
    LoginThrottling throttling,
    AuditTrail audit,
    TimeProvider clock,
    IOptions<PortalOptions> options)
{
    public async Task<Result<StaffPasswordChanged>> HandleAsync(
        Guid staffId, string? current, string? password, string? confirmation, string? remoteAddress, CancellationToken cancellationToken)
    {
        var member = await db.StaffMembers.SingleOrDefaultAsync(s => s.Id == staffId, cancellationToken);
        if (member is null || member.Disabled)
        {
            return StaffErrors.SignInExpired();
        }

        var brake = await throttling.CheckAsync(LoginThrottle.StaffKey(member.Email), BrakeReader.Person, cancellationToken);
        if (!brake.Succeeded)
        {
            return brake.Cast<StaffPasswordChanged>();
        }

        var errors = new List<Error>();
        var policy = options.Value.PasswordPolicy;
        if (string.IsNullOrEmpty(password))
        {
            errors.Add(StaffErrors.PasswordRequired("Password"));
        }
        else if (policy.Check(password) is { Count: > 0 } broken)
        {
            errors.Add(StaffErrors.WeakPassword(policy, broken, "Password"));
        }

        if (password != confirmation)
        {
            errors.Add(StaffErrors.PasswordMismatch("PasswordConfirmation"));
        }

        if (string.IsNullOrEmpty(current) || await hashing.VerifyAsync(member.PasswordHash, current, cancellationToken) == PasswordCheck.Invalid)
        {
            await throttling.RecordFailureAsync(brake.Value, cancellationToken);
            audit.Record(StaffStore.ActorName(member), AuditEvents.StaffAuthenticationFailed, null, member.Email,
                remoteAddress: remoteAddress, detail: "current password");
            await db.SaveChangesAsync(cancellationToken);
            errors.Add(StaffErrors.WrongCurrentPassword("CurrentPassword"));
        }
        else if (current == password)
        {
            errors.Add(StaffErrors.SamePassword("Password"));
        }

        if (errors.Count > 0)
        {
            return Result<StaffPasswordChanged>.Failure(ErrorCodes.ValidationFailed, errors);
        }

        member.PasswordHash = await hashing.HashAsync(password!, cancellationToken);
        member.PasswordChangedAt = clock.GetUtcNow();
        member.MustChangePassword = false;
        member.RenewSecurityStamp();
        audit.Record(StaffStore.ActorName(member), AuditEvents.StaffPasswordChanged, null, member.Email, remoteAddress: remoteAddress);
        if (await db.SaveStaffAsync(cancellationToken) is { } failure)
        {
            return failure;
        }

        return new StaffPasswordChanged(member.SecurityStamp, member.NextStep);
    }
}
