using Guichet.Application.Auditing;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.WhiteLabels;

/// <summary>
/// Disables a white label: from now on its SOAP calls and SSO tokens are refused (after their credentials are checked)
/// with WHITE_LABEL_DISABLED. Nothing is deleted; its files stay in the back office.
/// </summary>
public sealed class DisableWhiteLabel(GuichetDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<string>> HandleAsync(string code, string actor, string? remoteAddress, CancellationToken cancellationToken)
    {
        var whiteLabel = await db.WhiteLabels.SingleOrDefaultAsync(w => w.Code == code, cancellationToken);
        if (whiteLabel is null)
        {
            return WhiteLabelErrors.NotFound;
        }

        if (whiteLabel.Disabled)
        {
            return WhiteLabelErrors.AlreadyDisabled;
        }

        whiteLabel.Disabled = true;
        whiteLabel.DisabledAt = clock.GetUtcNow();
        whiteLabel.Touch();
        audit.Record(actor, AuditEvents.WhiteLabelDisabled, whiteLabel.Id, whiteLabel.Code, remoteAddress: remoteAddress);
        if (await db.SaveWhiteLabelAsync(cancellationToken) is { } failure)
        {
            return failure;
        }

        return whiteLabel.Name;
    }
}
