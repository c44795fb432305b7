using Guichet.Application.Auditing;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.WhiteLabels;

/// <summary>Re-enables a disabled white label: its calls are accepted again, with the secrets it had.</summary>
public sealed class EnableWhiteLabel(GuichetDbContext db, AuditTrail audit)
{
    public async Task<Result<string>> HandleAsync(string code, string actor, string? remoteAddress, CancellationToken cancellationToken)
    {
        var whiteLabel = await db.WhiteLabels.SingleOrDefaultAsync(w => w.Code == code, cancellationToken);
        if (whiteLabel is null)
        {
            return WhiteLabelErrors.NotFound;
        }

        if (!whiteLabel.Disabled)
        {
            return WhiteLabelErrors.AlreadyEnabled;
        }

        whiteLabel.Disabled = false;
        whiteLabel.DisabledAt = null;
        whiteLabel.Touch();
        audit.Record(actor, AuditEvents.WhiteLabelEnabled, whiteLabel.Id, whiteLabel.Code, remoteAddress: remoteAddress);
        if (await db.SaveWhiteLabelAsync(cancellationToken) is { } failure)
        {
            return failure;
        }

        return whiteLabel.Name;
    }
}
