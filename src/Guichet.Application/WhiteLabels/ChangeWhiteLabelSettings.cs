using System.Globalization;
using Guichet.Application.Auditing;
using Guichet.Application.Security;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.WhiteLabels;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.WhiteLabels;

/// <summary>What an edit did: the new SSO key in clear when it turned SSO on (shown once), else null.</summary>
public sealed record WhiteLabelSettingsChanged(int Changes, string? NewSsoKey);

/// <summary>
/// Edits a white label's settings against the version the form showed: if it changed since, nothing is written and the
/// caller gets <see cref="WhiteLabelErrors.ChangedMeanwhile"/>. Each changed setting is one audit entry, from → to
/// (a presented field is "Presentation.key"); turning SSO on generates a key, turning it off forgets the key and the
/// previous one. Never a secret in the audit trail.
/// </summary>
public sealed class ChangeWhiteLabelSettings(GuichetDbContext db, SecretProtector secrets, AuditTrail audit)
{
    public async Task<Result<WhiteLabelSettingsChanged>> HandleAsync(string code, Guid expectedVersion, WhiteLabelSettings settings,
        string actor, string? remoteAddress, CancellationToken cancellationToken)
    {
        var errors = WhiteLabelSettingsCheck.Check(settings);
        if (errors.Count > 0)
        {
            return Result<WhiteLabelSettingsChanged>.Failure(ErrorCodes.ValidationFailed, errors);
        }

        var whiteLabel = await db.WhiteLabels.SingleOrDefaultAsync(w => w.Code == code, cancellationToken);
        if (whiteLabel is null)
        {
            return WhiteLabelErrors.NotFound;
        }

        if (whiteLabel.Version != expectedVersion)
        {
            return WhiteLabelErrors.ChangedMeanwhile;
        }

        // The optimistic check of the save compares with the version the form showed, not the one just read.
        db.Entry(whiteLabel).Property(w => w.Version).OriginalValue = expectedVersion;
        var before = WhiteLabelSettings.Of(whiteLabel);
        var changes = Differences(before, settings).ToList();
        if (changes.Count == 0)
        {
            return new WhiteLabelSettingsChanged(0, null);
        }

        settings.ApplyTo(whiteLabel);
        string? newKey = null;
        if (settings.EnableSso && whiteLabel.SsoKeyProtected is null)
        {
            newKey = SecretGenerator.New();
            whiteLabel.SsoKeyProtected = secrets.Protect(newKey);
            whiteLabel.SsoKeyRotatedAt = null;
        }
        else if (!settings.EnableSso)
        {
            whiteLabel.SsoKeyProtected = null;
            whiteLabel.PreviousSsoKeyProtected = null;
            whiteLabel.PreviousSsoKeyUntil = null;
        }

        whiteLabel.Touch();
        foreach (var (setting, from, to) in changes)
        {
            audit.Record(actor, AuditEvents.WhiteLabelSettingChanged, whiteLabel.Id, whiteLabel.Code, from, to, remoteAddress, setting);
        }

        if (await db.SaveWhiteLabelAsync(cancellationToken) is { } failure)
        {
            return failure;
        }

        return new WhiteLabelSettingsChanged(changes.Count, newKey);
    }

    /// <summary>Each setting whose value differs, as (setting, from, to) in the stored spelling.</summary>
    private static IEnumerable<(string Setting, string? From, string? To)> Differences(WhiteLabelSettings a, WhiteLabelSettings b)
    {
        (string, string?, string?)[] pairs =
        [
            (nameof(a.Name), a.Name, b.Name.Trim()),
            (nameof(a.MailDomain), a.MailDomain, b.MailDomain.Trim().ToLowerInvariant()),
            (nameof(a.LoginPrefix), a.LoginPrefix, b.LoginPrefix.ToLowerInvariant()),
            (nameof(a.MaxSecondaryAccounts), Text(a.MaxSecondaryAccounts), Text(b.MaxSecondaryAccounts)),
            (nameof(a.AutoEnrol), Text(a.AutoEnrol), Text(b.AutoEnrol)),
            (nameof(a.SecondaryMailboxByDefault), Text(a.SecondaryMailboxByDefault), Text(b.SecondaryMailboxByDefault)),
            (nameof(a.DefaultEdiPartnerNumber), a.DefaultEdiPartnerNumber,
                string.IsNullOrEmpty(b.DefaultEdiPartnerNumber) ? null : b.DefaultEdiPartnerNumber),
            (nameof(a.TestEnvironment), Text(a.TestEnvironment), Text(b.TestEnvironment)),
            (nameof(a.EnableSso), Text(a.EnableSso), Text(b.EnableSso)),
            (nameof(a.SsoTokenValidityMinutes), Text(a.SsoTokenValidityMinutes), Text(b.SsoTokenValidityMinutes)),
            (nameof(a.SsoTimeZone), a.SsoTimeZone, b.SsoTimeZone),
        ];
        foreach (var pair in pairs.Where(p => p.Item2 != p.Item3))
        {
            yield return pair;
        }

        foreach (var field in PresentableFields.All)
        {
            var from = FieldPresentation.Describe(a.Presentation.For(field.Key));
            var to = FieldPresentation.Describe(b.Presentation.For(field.Key));
            if (from != to)
            {
                yield return ("Presentation." + field.Key, from, to);
            }
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(bool value) => value ? "true" : "false";
}
