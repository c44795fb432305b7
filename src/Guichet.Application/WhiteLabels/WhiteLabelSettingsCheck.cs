using System.Text.RegularExpressions;
using Guichet.Application.Security;
using Guichet.Domain.Common;
using Guichet.Domain.WhiteLabels;

namespace Guichet.Application.WhiteLabels;

/// <summary>The rules of a white label's settings, shared by its creation and its edition; every error at once.</summary>
internal static partial class WhiteLabelSettingsCheck
{
    public const int MaxSsoValidityMinutes = 1440;

    public static List<Error> Check(WhiteLabelSettings settings)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(settings.Name) || settings.Name.Trim().Length > WhiteLabel.NameMaxLength)
        {
            errors.Add(WhiteLabelErrors.NameRequired(nameof(settings.Name)));
        }

        if (string.IsNullOrWhiteSpace(settings.MailDomain) || settings.MailDomain.Trim().Length > WhiteLabel.MailDomainMaxLength
            || !MailDomain().IsMatch(settings.MailDomain.Trim()))
        {
            errors.Add(WhiteLabelErrors.MailDomainInvalid(nameof(settings.MailDomain)));
        }

        if (settings.LoginPrefix.Length > WhiteLabel.LoginPrefixMaxLength
            || !settings.LoginPrefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            errors.Add(WhiteLabelErrors.LoginPrefixInvalid(nameof(settings.LoginPrefix)));
        }

        if (settings.MaxSecondaryAccounts is < 0 or > WhiteLabel.MaxSecondaryAccountsLimit)
        {
            errors.Add(WhiteLabelErrors.MaxSecondaryAccountsOutOfRange(nameof(settings.MaxSecondaryAccounts)));
        }

        if (!string.IsNullOrEmpty(settings.DefaultEdiPartnerNumber)
            && (settings.DefaultEdiPartnerNumber.Length != 7 || !settings.DefaultEdiPartnerNumber.All(char.IsAsciiDigit)))
        {
            errors.Add(WhiteLabelErrors.DefaultEdiPartnerNumberInvalid(nameof(settings.DefaultEdiPartnerNumber)));
        }

        if (settings.SsoTokenValidityMinutes is < 1 or > MaxSsoValidityMinutes)
        {
            errors.Add(WhiteLabelErrors.SsoValidityOutOfRange(nameof(settings.SsoTokenValidityMinutes)));
        }

        if (settings.SsoTimeZone.Length > WhiteLabel.SsoTimeZoneMaxLength || !SsoToken.TryFindTimeZone(settings.SsoTimeZone, out _))
        {
            errors.Add(WhiteLabelErrors.SsoTimeZoneUnknown(nameof(settings.SsoTimeZone)));
        }

        foreach (var field in PresentableFields.All)
        {
            var rule = settings.Presentation.For(field.Key);
            var name = WhiteLabelSettings.PresentationFieldName(field.Key);
            if (rule.Mode == FieldMode.Locked && string.IsNullOrWhiteSpace(rule.Value))
            {
                errors.Add(WhiteLabelErrors.PresentedValueRequired(name));
            }
            else if (rule.Value is { } value && value.Length > field.MaxLength)
            {
                errors.Add(WhiteLabelErrors.PresentedValueTooLong(field.MaxLength, name));
            }
        }

        return errors;
    }

    /// <summary>A white label's code appears in addresses and folder numbers: letters, digits, "-", "_".</summary>
    public static bool IsWellFormedCode(string? code) =>
        !string.IsNullOrWhiteSpace(code) && code.Length <= WhiteLabel.CodeMaxLength
        && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    [GeneratedRegex(@"^(?=.{1,200}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$")]
    private static partial Regex MailDomain();
}
