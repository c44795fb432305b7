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
/// The second step of a staff sign-in: the authenticator's code (±1 step, each step accepted once) or a recovery code
/// (each once). Both are spent by one conditional statement, so that of two submissions of one code only one opens a
/// session. Failures count in the member's brake key (<c>staff:&lt;email&gt;</c>), shared with the password step.
/// </summary>
public sealed class VerifyStaffSecondFactor(
    GuichetDbContext db,
    StaffAuthenticator authenticator,
    PasswordHashing hashing,
    LoginThrottling throttling,
    AuditTrail audit,
    TimeProvider clock)
{
    public async Task<Result<SecondFactorAccepted>> HandleAsync(
        Guid staffId, string? code, string? remoteAddress, CancellationToken cancellationToken)
    {
        var member = await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == staffId, cancellationToken);
        if (member is null || member.Disabled)
        {
            return StaffErrors.SignInExpired();
        }

        if (member.MustChangePassword)
        {
            return StaffErrors.PasswordChangeRequired();
        }

        if (!member.TotpConfirmed || member.TotpSecretProtected is null)
        {
            return StaffErrors.TotpNotEnrolled();
        }

        if (string.IsNullOrWhiteSpace(code))
        {
            return StaffErrors.CodeRequired("Code");
        }

        var brake = await throttling.CheckAsync(LoginThrottle.StaffKey(member.Email), BrakeReader.Person, cancellationToken);
        if (!brake.Succeeded)
        {
            return brake.Cast<SecondFactorAccepted>();
        }

        var now = clock.GetUtcNow();
        var recoveryCode = RecoveryCodes.Normalize(code);
        var accepted = recoveryCode is null
            ? await SpendTotpStepAsync(member, code, now, cancellationToken)
            : await SpendRecoveryCodeAsync(member, recoveryCode, now, cancellationToken);
        var actor = StaffStore.ActorName(member);
        if (!accepted)
        {
            var retry = await throttling.RecordFailureAsync(brake.Value, cancellationToken);
            audit.Record(actor, AuditEvents.StaffAuthenticationFailed, null, member.Email, remoteAddress: remoteAddress,
                detail: recoveryCode is null ? "totp code" : "recovery code");
            await db.SaveChangesAsync(cancellationToken);
            return StaffErrors.WrongCode(retry);
        }

        await throttling.ResetAsync(brake.Value, cancellationToken);
        int? left = null;
        if (recoveryCode is not null)
        {
            left = await db.StaffRecoveryCodes.CountAsync(c => c.StaffMemberId == member.Id, cancellationToken);
            audit.Record(actor, AuditEvents.StaffRecoveryCodeUsed, null, member.Email, remoteAddress: remoteAddress, detail: $"{left} left");
        }

        audit.Record(actor, AuditEvents.StaffSignedIn, null, member.Email, remoteAddress: remoteAddress,
            detail: recoveryCode is null ? "totp code" : "recovery code");
        await db.SaveChangesAsync(cancellationToken);
        return new SecondFactorAccepted(new StaffSession(member.Id, member.Email, member.DisplayName, member.Role, member.SecurityStamp), left);
    }

    /// <summary>The code's step, recorded only if it is later than the last accepted one: one statement, one winner.</summary>
    private async Task<bool> SpendTotpStepAsync(StaffMember member, string code, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (authenticator.Verify(member.TotpSecretProtected!, code, now) is not { } step || !member.IsUnusedStep(step))
        {
            return false;
        }

        var updated = await db.StaffMembers
            .Where(s => s.Id == member.Id && s.SecurityStamp == member.SecurityStamp && (s.LastTotpStep == null || s.LastTotpStep < step))
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.LastTotpStep, step)
                .SetProperty(s => s.LastSignInAt, now)
                .SetProperty(s => s.Version, Guid.NewGuid()), cancellationToken);
        return updated == 1;
    }

    /// <summary>
    /// Each remaining code is a slow hash (so a stolen database does not reveal them): the matching one is deleted, and
    /// only the request whose delete removed it wins.
    /// </summary>
    private async Task<bool> SpendRecoveryCodeAsync(StaffMember member, string recoveryCode, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = await db.StaffRecoveryCodes.AsNoTracking().Where(c => c.StaffMemberId == member.Id).ToListAsync(cancellationToken);
        StaffRecoveryCode? match = null;
        foreach (var candidate in stored)
        {
            if (await hashing.VerifyAsync(candidate.CodeHash, recoveryCode, cancellationToken) != PasswordCheck.Invalid)
            {
                match = candidate;
                break;
            }
        }

        if (match is null || await db.StaffRecoveryCodes.Where(c => c.Id == match.Id).ExecuteDeleteAsync(cancellationToken) != 1)
        {
            return false;
        }

        await db.StaffMembers.Where(s => s.Id == member.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.LastSignInAt, now).SetProperty(s => s.Version, Guid.NewGuid()), cancellationToken);
        return true;
    }
}
