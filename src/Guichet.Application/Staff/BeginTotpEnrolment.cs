using Guichet.Data;
using Guichet.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Staff;

/// <summary>
/// A new authenticator secret for a member who has none confirmed (first sign-in, or after a reset), kept pending and
/// encrypted until a code confirms it. Refused once an authenticator is confirmed: a password alone must never be
/// enough to replace it (an administrator's reset is).
/// </summary>
public sealed class BeginTotpEnrolment(GuichetDbContext db, StaffAuthenticator authenticator)
{
    public async Task<Result<TotpEnrolment>> HandleAsync(Guid staffId, CancellationToken cancellationToken)
    {
        var member = await db.StaffMembers.SingleOrDefaultAsync(s => s.Id == staffId, cancellationToken);
        if (!StaffStore.MayEnrolTotp(member, out var refusal))
        {
            return refusal;
        }

        var (protectedSecret, enrolment) = authenticator.NewSecret(member.Email);
        member.TotpSecretProtected = protectedSecret;
        member.Touch();
        if (await db.SaveStaffAsync(cancellationToken) is { } failure)
        {
            return failure;
        }

        return enrolment;
    }
}
