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
/// The back office's first step: email and password, behind the shared brute-force brake (key <c>staff:&lt;email&gt;</c>).
/// An unknown email, a wrong password and a disabled member cost one slow hash each and get one answer. A correct
/// password says which step comes next and opens no session; it does not clear the brake either: only a second
/// factor does, so that a known password cannot be used to reset the count of wrong codes.
/// </summary>
public sealed class SignInStaff(GuichetDbContext db, PasswordHashing hashing, LoginThrottling throttling, AuditTrail audit)
{
    public async Task<Result<StaffSignInStep>> HandleAsync(
        string? email, string? password, string? remoteAddress, CancellationToken cancellationToken)
    {
        var key = StaffMember.NormalizeEmail(email);
        if (key.Length is 0 or > StaffMember.MaxEmailLength || string.IsNullOrEmpty(password))
        {
            return StaffErrors.SignInIncomplete();
        }

        var brake = await throttling.CheckAsync(LoginThrottle.StaffKey(key), BrakeReader.Person, cancellationToken);
        if (!brake.Succeeded)
        {
            return brake.Cast<StaffSignInStep>();
        }

        var member = await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(s => s.Email == key, cancellationToken);
        var check = member is null
            ? await hashing.VerifyDecoyAsync(password, cancellationToken)
            : await hashing.VerifyAsync(member.PasswordHash, password, cancellationToken);
        if (check == PasswordCheck.Invalid || member is null || member.Disabled)
        {
            var retry = await throttling.RecordFailureAsync(brake.Value, cancellationToken);
            var typed = TypedLogin.ForAudit(key);
            audit.Record("staff:" + typed, AuditEvents.StaffAuthenticationFailed, null, typed, remoteAddress: remoteAddress,
                detail: member is { Disabled: true } && check != PasswordCheck.Invalid ? "password, disabled member" : "password");
            await db.SaveChangesAsync(cancellationToken);
            return StaffErrors.WrongCredentials(retry);
        }

        return new StaffSignInStep(member.Id, member.SecurityStamp, member.NextStep);
    }
}
