using System.Globalization;
using Guichet.Application.WhiteLabels;
using Guichet.Domain.Common;
using Guichet.Domain.WhiteLabels;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.BackOffice;

/// <summary>
/// Base of the white-label pages with the settings form (new, edit): the posted fields, read into
/// <see cref="WhiteLabelSettings"/> (numbers as text, so that a wrong one gets the use case's French error, not the
/// binder's), and the field presentation, one mode and one value per <see cref="PresentableFields"/> key.
/// </summary>
public abstract class WhiteLabelFormPageModel : BackOfficePageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? MailDomain { get; set; }

    [BindProperty]
    public string? LoginPrefix { get; set; }

    [BindProperty]
    public string? MaxSecondaryAccounts { get; set; } = "150";

    [BindProperty]
    public bool AutoEnrol { get; set; }

    [BindProperty]
    public bool SecondaryMailboxByDefault { get; set; } = true;

    [BindProperty]
    public string? DefaultEdiPartnerNumber { get; set; }

    [BindProperty]
    public bool TestEnvironment { get; set; }

    [BindProperty]
    public bool EnableSso { get; set; } = true;

    [BindProperty]
    public string? SsoTokenValidityMinutes { get; set; } = "5";

    [BindProperty]
    public string? SsoTimeZone { get; set; } = FrenchTime.ZoneId;

    /// <summary>The presentation the form shows: what was posted, or what is stored.</summary>
    public FieldPresentation Presentation { get; protected set; } = FieldPresentation.AllEditable;

    public static string ModeField(string key) => WhiteLabelSettings.PresentationFieldName(key) + "_mode";

    public static string ValueField(string key) => WhiteLabelSettings.PresentationFieldName(key);

    /// <summary>The posted settings; an unknown presentation mode is an error under its field (then null).</summary>
    protected WhiteLabelSettings? PostedSettings()
    {
        var rules = new Dictionary<string, FieldRule>(StringComparer.Ordinal);
        var errors = new List<Error>();
        foreach (var field in PresentableFields.All)
        {
            var posted = Request.Form[ModeField(field.Key)].ToString();
            var mode = posted.Length == 0 ? FieldMode.Editable : FieldPresentation.ModeOf(posted);
            if (mode is null)
            {
                errors.Add(WhiteLabelErrors.PresentationModeUnknown(ValueField(field.Key)));
                continue;
            }

            var value = Request.Form[ValueField(field.Key)].ToString().Trim();
            rules[field.Key] = new FieldRule(mode.Value, mode == FieldMode.Editable || value.Length == 0 ? null : value);
        }

        Presentation = new FieldPresentation(rules);
        if (errors.Count > 0)
        {
            ShowErrors(errors);
            return null;
        }

        return new WhiteLabelSettings(Name ?? string.Empty, MailDomain ?? string.Empty)
        {
            LoginPrefix = LoginPrefix?.Trim() ?? string.Empty,
            MaxSecondaryAccounts = Number(MaxSecondaryAccounts),
            AutoEnrol = AutoEnrol,
            SecondaryMailboxByDefault = SecondaryMailboxByDefault,
            DefaultEdiPartnerNumber = string.IsNullOrWhiteSpace(DefaultEdiPartnerNumber) ? null : DefaultEdiPartnerNumber.Trim(),
            TestEnvironment = TestEnvironment,
            EnableSso = EnableSso,
            SsoTokenValidityMinutes = Number(SsoTokenValidityMinutes),
            SsoTimeZone = SsoTimeZone?.Trim() ?? string.Empty,
            Presentation = Presentation,
        };
    }

    /// <summary>Fills the form with stored settings (and forgets what was posted, so that the fields show them).</summary>
    protected void Show(WhiteLabelSettings settings)
    {
        ModelState.Clear();
        Name = settings.Name;
        MailDomain = settings.MailDomain;
        LoginPrefix = settings.LoginPrefix;
        MaxSecondaryAccounts = settings.MaxSecondaryAccounts.ToString(CultureInfo.InvariantCulture);
        AutoEnrol = settings.AutoEnrol;
        SecondaryMailboxByDefault = settings.SecondaryMailboxByDefault;
        DefaultEdiPartnerNumber = settings.DefaultEdiPartnerNumber;
        TestEnvironment = settings.TestEnvironment;
        EnableSso = settings.EnableSso;
        SsoTokenValidityMinutes = settings.SsoTokenValidityMinutes.ToString(CultureInfo.InvariantCulture);
        SsoTimeZone = settings.SsoTimeZone;
        Presentation = settings.Presentation;
    }

    /// <summary>The first error of a presented field, or null.</summary>
    public string? PresentationError(string key) =>
        ModelState.TryGetValue(ValueField(key), out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public static string ModeLabel(FieldMode mode) => mode switch
    {
        FieldMode.Locked => "Pré-rempli et verrouillé",
        FieldMode.Hidden => "Masqué",
        _ => "Saisi par le client",
    };

    /// <summary>Not a number: -1, which every range refuses with its own message.</summary>
    private static int Number(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1;
}
