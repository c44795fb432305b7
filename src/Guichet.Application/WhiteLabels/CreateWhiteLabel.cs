using Guichet.Application.Auditing;
using Guichet.Application.Security;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.WhiteLabels;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.WhiteLabels;

/// <summary>A new white label: its code, its settings and, when the partner brings them, its credentials (else generated).</summary>
public sealed record NewWhiteLabel(string Code, WhiteLabelSettings Settings)
{
    public string? WsseUsername { get; init; }

    public string? WsseSecret { get; init; }

    /// <summary>Ignored when the settings turn SSO off.</summary>
    public string? SsoKey { get; init; }
}

/// <summary>The created white label with its secrets in clear: shown once, never stored so.</summary>
public sealed record WhiteLabelCredentials(WhiteLabel WhiteLabel, string WsseUsername, string WsseSecret, string? SsoKey);

/// <summary>A new white label (operator command and back office): its settings checked, its secrets generated unless given.</summary>
public sealed class CreateWhiteLabel(GuichetDbContext db, SecretProtector secrets, AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<WhiteLabelCredentials>> HandleAsync(NewWhiteLabel request, string actor, string? remoteAddress,
        CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        if (!WhiteLabelSettingsCheck.IsWellFormedCode(request.Code))
        {
            errors.Add(WhiteLabelErrors.CodeInvalid(nameof(request.Code)));
        }

        var settings = request.Settings;
        errors.AddRange(WhiteLabelSettingsCheck.Check(settings));
        var username = string.IsNullOrWhiteSpace(request.WsseUsername) ? request.Code : request.WsseUsername;
        if (await db.WhiteLabels.AnyAsync(w => w.Code == request.Code || w.WsseUsername == username, cancellationToken))
        {
            errors.Add(WhiteLabelErrors.AlreadyExists(nameof(request.Code)));
        }

        if (errors.Count > 0)
        {
            return Result<WhiteLabelCredentials>.Failure(ErrorCodes.ValidationFailed, errors);
        }

        var secret = string.IsNullOrEmpty(request.WsseSecret) ? SecretGenerator.New() : request.WsseSecret;
        var ssoKey = !settings.EnableSso ? null : string.IsNullOrEmpty(request.SsoKey) ? SecretGenerator.New() : request.SsoKey;
        var whiteLabel = new WhiteLabel
        {
            Code = request.Code,
            Name = settings.Name,
            MailDomain = settings.MailDomain,
            WsseUsername = username,
            WsseSecretProtected = secrets.Protect(secret),
            SsoKeyProtected = ssoKey is null ? null : secrets.Protect(ssoKey),
            CreatedAt = clock.GetUtcNow(),
        };
        settings.ApplyTo(whiteLabel);
        db.WhiteLabels.Add(whiteLabel);
        audit.Record(actor, AuditEvents.WhiteLabelCreated, whiteLabel.Id, whiteLabel.Code, remoteAddress: remoteAddress);
        if (await db.SaveWhiteLabelAsync(cancellationToken) is { } failure)
        {
            return Result<WhiteLabelCredentials>.Failure(ErrorCodes.ValidationFailed, [failure]);
        }

        return new WhiteLabelCredentials(whiteLabel, username, secret, ssoKey);
    }
}
