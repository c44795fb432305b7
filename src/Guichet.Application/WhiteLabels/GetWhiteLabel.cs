using Guichet.Data;
using Guichet.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.WhiteLabels;

/// <summary>
/// A white label as its back-office page shows it: every setting, when its secrets were rotated and until when the
/// previous ones are still accepted, its state, its administrators' logins, and the version an edit must carry.
/// Never a secret.
/// </summary>
public sealed record WhiteLabelDetails(
    Guid Id,
    string Code,
    string WsseUsername,
    WhiteLabelSettings Settings,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SecretRotatedAt,
    DateTimeOffset? PreviousSecretUntil,
    DateTimeOffset? SsoKeyRotatedAt,
    DateTimeOffset? PreviousSsoKeyUntil,
    bool Disabled,
    DateTimeOffset? DisabledAt,
    Guid Version,
    IReadOnlyList<string> Administrators);

public sealed class GetWhiteLabel(GuichetDbContext db, TimeProvider clock)
{
    public async Task<WhiteLabelDetails?> HandleAsync(string code, CancellationToken cancellationToken)
    {
        var w = await db.WhiteLabels.AsNoTracking().SingleOrDefaultAsync(w => w.Code == code, cancellationToken);
        if (w is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var administrators = (await db.Accounts.AsNoTracking()
            .Where(a => a.WhiteLabelId == w.Id && a.Kind == AccountKind.Administrator).Select(a => a.Login).ToListAsync(cancellationToken))
            .Order(StringComparer.Ordinal).ToList();
        return new WhiteLabelDetails(w.Id, w.Code, w.WsseUsername, WhiteLabelSettings.Of(w), w.CreatedAt, w.SecretRotatedAt,
            w.PreviousWsseSecretAt(now) is null ? null : w.PreviousWsseSecretUntil, w.SsoKeyRotatedAt,
            w.PreviousSsoKeyAt(now) is null ? null : w.PreviousSsoKeyUntil, w.Disabled, w.DisabledAt, w.Version, administrators);
    }
}
