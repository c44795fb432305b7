using Guichet.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Staff;

/// <summary>The staff list of the administrators' page, by name.</summary>
public sealed class ListStaffMembers(GuichetDbContext db)
{
    public async Task<IReadOnlyList<StaffMemberSummary>> HandleAsync(CancellationToken cancellationToken) =>
        await db.StaffMembers.AsNoTracking()
            .OrderBy(s => s.DisplayName).ThenBy(s => s.Email)
            .Select(s => new StaffMemberSummary(s.Id, s.Email, s.DisplayName, s.Role, s.Disabled, s.MustChangePassword, s.TotpConfirmed,
                s.RecoveryCodes.Count, s.CreatedAt, s.LastSignInAt))
            .ToListAsync(cancellationToken);
}
