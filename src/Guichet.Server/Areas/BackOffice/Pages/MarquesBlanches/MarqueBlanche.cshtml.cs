using Guichet.Application.WhiteLabels;
using Guichet.Domain.Common;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.BackOffice.Pages.MarquesBlanches;

/// <summary>
/// One white label: every setting (never a secret), and its actions: rotate the WSSE secret or the SSO key with a grace
/// period, reset an administrator's password, disable (confirmed by a box) or re-enable. A new secret or password is
/// shown once, in the answer to its form, kept by no cache.
/// </summary>
public sealed class MarqueBlancheModel(
    GetWhiteLabel get,
    RotateWhiteLabelSecret rotate,
    ResetWhiteLabelAdministratorPassword resetAdministrator,
    DisableWhiteLabel disable,
    EnableWhiteLabel enable) : BackOfficePageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = string.Empty;

    /// <summary>Hours during which the previous secret or key is still accepted (0: none).</summary>
    [BindProperty]
    public string? GraceHours { get; set; } =
        ((int)RotateWhiteLabelSecret.DefaultGrace.TotalHours).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [BindProperty(Name = "confirmation")]
    public bool Confirmation { get; set; }

    [TempData]
    public string? Message { get; set; }

    public WhiteLabelDetails WhiteLabel { get; private set; } = null!;

    public RotatedSecret? Rotated { get; private set; }

    public AdministratorPasswordReset? AdministratorReset { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostSecretAsync(CancellationToken cancellationToken) => RotateAsync(WhiteLabelSecretKind.Wsse, cancellationToken);

    public Task<IActionResult> OnPostCleSsoAsync(CancellationToken cancellationToken) => RotateAsync(WhiteLabelSecretKind.SsoKey, cancellationToken);

    public async Task<IActionResult> OnPostAdministrateurAsync([FromForm(Name = "identifiant")] string? login, CancellationToken cancellationToken)
    {
        var result = await resetAdministrator.HandleAsync(Code, login ?? string.Empty, FilesActor.AuditName, RemoteAddress, cancellationToken);
        if (result.Succeeded)
        {
            KeepOutOfCaches();
            AdministratorReset = result.Value;
        }
        else
        {
            ShowErrors(result.Errors.Select(e => e with { Field = null }));
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDesactiverAsync(CancellationToken cancellationToken)
    {
        if (!Confirmation)
        {
            ShowErrors([WhiteLabelErrors.ConfirmationRequired(nameof(Confirmation))]);
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }

        var result = await disable.HandleAsync(Code, FilesActor.AuditName, RemoteAddress, cancellationToken);
        return await DoneAsync(result, name => $"La marque blanche {name} est désactivée : ses appels sont refusés.", cancellationToken);
    }

    public async Task<IActionResult> OnPostReactiverAsync(CancellationToken cancellationToken)
    {
        var result = await enable.HandleAsync(Code, FilesActor.AuditName, RemoteAddress, cancellationToken);
        return await DoneAsync(result, name => $"La marque blanche {name} est réactivée.", cancellationToken);
    }

    private async Task<IActionResult> RotateAsync(WhiteLabelSecretKind kind, CancellationToken cancellationToken)
    {
        var hours = int.TryParse(
            GraceHours?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var h)
            ? h : -1;
        var result = await rotate.HandleAsync(Code, kind, hours, FilesActor.AuditName, RemoteAddress, cancellationToken);
        if (result.Succeeded)
        {
            KeepOutOfCaches();
            Rotated = result.Value;
        }
        else
        {
            ShowErrors(result.Errors.Select(e => e.Code == ErrorCodes.OutOfRange ? e : e with { Field = null }));
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<IActionResult> DoneAsync(Result<string> result, Func<string, string> success, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            Message = success(result.Value);
            return RedirectToPage(BackOfficePages.WhiteLabel, new { code = Code });
        }

        ShowErrors(result.Errors.Select(e => e with { Field = null }));
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        WhiteLabel = (await get.HandleAsync(Code, cancellationToken))!;
        return WhiteLabel is not null;
    }

    public static string YesNo(bool value) => value ? "Oui" : "Non";
}
