using Guichet.Domain.Common;
using Guichet.Domain.WhiteLabels;

namespace Guichet.Application.WhiteLabels;

/// <summary>
/// Every setting of a white label that staff choose (not its code, WSSE username or secrets), as created and edited.
/// The property names are the form fields' names, so that each error shows under its field.
/// </summary>
public sealed record WhiteLabelSettings(string Name, string MailDomain)
{
    public string LoginPrefix { get; init; } = string.Empty;

    public int MaxSecondaryAccounts { get; init; } = 150;

    public bool AutoEnrol { get; init; }

    public bool SecondaryMailboxByDefault { get; init; } = true;

    public string? DefaultEdiPartnerNumber { get; init; }

    public bool TestEnvironment { get; init; }

    public bool EnableSso { get; init; } = true;

    public int SsoTokenValidityMinutes { get; init; } = 5;

    public string SsoTimeZone { get; init; } = FrenchTime.ZoneId;

    public FieldPresentation Presentation { get; init; } = FieldPresentation.AllEditable;

    /// <summary>The form field (and the error's field) of one presented field's value; its mode is this name + "_mode".</summary>
    public static string PresentationFieldName(string key) => "Presentation_" + key;

    /// <summary>The settings of a stored white label.</summary>
    public static WhiteLabelSettings Of(WhiteLabel w) => new(w.Name, w.MailDomain)
    {
        LoginPrefix = w.LoginPrefix,
        MaxSecondaryAccounts = w.MaxSecondaryAccounts,
        AutoEnrol = w.AutoEnrol,
        SecondaryMailboxByDefault = w.SecondaryMailboxByDefault,
        DefaultEdiPartnerNumber = w.DefaultEdiPartnerNumber,
        TestEnvironment = w.TestEnvironment,
        EnableSso = w.SsoKeyProtected is not null,
        SsoTokenValidityMinutes = w.SsoTokenValidityMinutes,
        SsoTimeZone = w.SsoTimeZone,
        Presentation = FieldPresentation.Read(w.FieldPresentation),
    };

    /// <summary>Writes the settings onto the entity (secrets aside: turning SSO on or off is the use case's business).</summary>
    public void ApplyTo(WhiteLabel w)
    {
        w.Name = Name.Trim();
        w.MailDomain = MailDomain.Trim().ToLowerInvariant();
        w.LoginPrefix = LoginPrefix.ToLowerInvariant();
        w.MaxSecondaryAccounts = MaxSecondaryAccounts;
        w.AutoEnrol = AutoEnrol;
        w.SecondaryMailboxByDefault = SecondaryMailboxByDefault;
        w.DefaultEdiPartnerNumber = string.IsNullOrEmpty(DefaultEdiPartnerNumber) ? null : DefaultEdiPartnerNumber;
        w.TestEnvironment = TestEnvironment;
        w.SsoTokenValidityMinutes = SsoTokenValidityMinutes;
        w.SsoTimeZone = SsoTimeZone;
        w.FieldPresentation = Presentation.ToJson();
    }
}
