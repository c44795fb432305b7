using Guichet.Application.Auditing;
using Guichet.Application.Security;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.Security;
using Guichet.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Staff;

/// <summary>
/// Confirms the pending authenticator with a code it shows (±1 step): the secret becomes the member's, the code's step
/// is spent, ten recovery codes are generated (returned once, stored hashed) and every earlier session ends. The
/// confirmed code is a second factor, so the session it opens is returned.
/// </summary>
public sealed class ConfirmTotpEnrolment(
    GuichetDbContext db,
    StaffAuthenticator authenticator,
    PasswordHashing hashing,
    LoginThrottling throttling,
    AuditTrail audit,
    TimeProvider clock)
{
    public async Task<Result<TotpEnrolled>> HandleAsync(Guid staffId, string? code, string? remoteAddress, CancellationToken cancellationToken)
    {
        var member = await db.StaffMembers.Include(s => s.RecoveryCodes).SingleOrDefaultAsync(s => s.Id == staffId, cancellationToken);
        if (!StaffStore.MayEnrolTotp(member, out var refusal))
        {
            return refusal;
        }

        if (member.TotpSecretProtected is null)
        {
            return StaffErrors.TotpEnrolmentNotStarted();
        }

        if (string.IsNullOrWhiteSpace(code))
        {
            return StaffErrors.CodeRequired("Code");
        }

        // Not counted in the brake: whoever is here was just shown the secret, a guess would gain nothing.
        var now = clock.GetUtcNow();
        if (authenticator.Verify(member.TotpSecretProtected, code, now) is not { } step)
        {
            return StaffErrors.WrongEnrolmentCode("Code");
        }

        var codes = RecoveryCodes.Generate();
        member.TotpConfirmed = true;
        member.LastTotpStep = step;
        member.RecoveryCodes.Clear();
        foreach (var recoveryCode in codes)
        {
            member.RecoveryCodes.Add(new StaffRecoveryCode { CodeHash = await hashing.HashAsync(recoveryCode, cancellationToken) });
        }

        member.LastSignInAt = now;
        member.RenewSecurityStamp();
        var actor = StaffStore.ActorName(member);
        audit.Record(actor, AuditEvents.StaffTotpEnrolled, null, member.Email, remoteAddress: remoteAddress);
        audit.Record(actor, AuditEvents.StaffSignedIn, null, member.Email, remoteAddress: remoteAddress, detail: "totp enrolment");
        if (await db.SaveStaffAsync(cancellationToken) is { } failure)
        {
            return failure;
        }

        await throttling.ResetAsync(new LoginBrake(LoginThrottle.StaffKey(member.Email), HasFailures: true, BrakeReader.Person), cancellationToken);
        return new TotpEnrolled(codes, new StaffSession(member.Id, member.Email, member.DisplayName, member.Role, member.SecurityStamp));
    }
}
