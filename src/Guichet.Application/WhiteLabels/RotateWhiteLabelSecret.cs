using System.Globalization;
using Guichet.Application.Auditing;
using Guichet.Application.Security;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.WhiteLabels;

/// <summary>Which of a white label's secrets a rotation renews.</summary>
public enum WhiteLabelSecretKind
{
    Wsse,
    SsoKey,
}

/// <summary>The new secret in clear (shown once, never stored so) and until when the previous one is still accepted.</summary>
public sealed record RotatedSecret(WhiteLabelSecretKind Kind, string Secret, DateTimeOffset? PreviousValidUntil);

/// <summary>
/// Replaces the WSSE secret or the SSO key with a generated one. During <c>grace</c> (0 to 720 hours; zero: none) the
/// previous one is accepted too, and every call that uses it is audited; a rotation during a grace ends the older one.
/// Two rotations at once: the version token lets one through and refuses the other, so no one is shown a secret that
/// was overwritten. The audit entry names the kind and the grace, never a secret.
/// </summary>
public sealed class RotateWhiteLabelSecret(GuichetDbContext db, SecretProtector secrets, AuditTrail audit, TimeProvider clock)
{
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromHours(24);

    public const int MaxGraceHours = 720;

    public async Task<Result<RotatedSecret>> HandleAsync(string code, WhiteLabelSecretKind kind, int graceHours, string actor,
        string? remoteAddress, CancellationToken cancellationToken)
    {
        if (graceHours is < 0 or > MaxGraceHours)
        {
            return Result<RotatedSecret>.Failure(ErrorCodes.ValidationFailed, [WhiteLabelErrors.GraceOutOfRange("GraceHours")]);
        }

        var whiteLabel = await db.WhiteLabels.SingleOrDefaultAsync(w => w.Code == code, cancellationToken);
        if (whiteLabel is null)
        {
            return WhiteLabelErrors.NotFound;
        }

        if (kind == WhiteLabelSecretKind.SsoKey && whiteLabel.SsoKeyProtected is null)
        {
            return WhiteLabelErrors.SsoOff;
        }

        var now = clock.GetUtcNow();
        var grace = TimeSpan.FromHours(graceHours);
        var secret = SecretGenerator.New();
        if (kind == WhiteLabelSecretKind.Wsse)
        {
            whiteLabel.RotateWsseSecret(secrets.Protect(secret), now, grace);
        }
        else
        {
            whiteLabel.RotateSsoKey(secrets.Protect(secret), now, grace);
        }

        var until = grace > TimeSpan.Zero ? now + grace : (DateTimeOffset?)null;
        audit.Record(actor, kind == WhiteLabelSecretKind.Wsse ? AuditEvents.WhiteLabelSecretRotated : AuditEvents.WhiteLabelSsoKeyRotated,
            whiteLabel.Id, whiteLabel.Code, remoteAddress: remoteAddress,
            detail: "grace " + graceHours.ToString(CultureInfo.InvariantCulture) + " h");
        if (await db.SaveWhiteLabelAsync(cancellationToken) is { } failure)
        {
            return failure;
        }

        return new RotatedSecret(kind, secret, until);
    }
}
