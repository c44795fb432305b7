using Guichet.Application.WhiteLabels;
using Guichet.Domain.Common;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.BackOffice.Pages.MarquesBlanches;

/// <summary>
/// A white label's settings form, carrying the version it showed: if another administrator saved meanwhile, nothing is
/// written and the form comes back with the current values and a message. Turning SSO on shows the new key once.
/// </summary>
public sealed class ModifierModel(GetWhiteLabel get, ChangeWhiteLabelSettings change) : WhiteLabelFormPageModel
{
    public const string VersionField = "version";

    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = string.Empty;

    public Guid Version { get; private set; }

    public string? WhiteLabelName { get; private set; }

    public string? NewSsoKey { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await get.HandleAsync(Code, cancellationToken) is not { } current)
        {
            return NotFound();
        }

        Show(current.Settings);
        Version = current.Version;
        WhiteLabelName = current.Settings.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromForm(Name = VersionField)] string? version, CancellationToken cancellationToken)
    {
        if (await get.HandleAsync(Code, cancellationToken) is not { } current)
        {
            return NotFound();
        }

        // No version, or a forged one, never means "whatever it is now": it cannot match, so nothing is written. A form
        // sent back for its errors keeps the version it showed.
        var expected = Guid.TryParse(version, out var shown) ? shown : Guid.Empty;
        WhiteLabelName = current.Settings.Name;
        Version = expected;
        if (PostedSettings() is not { } settings)
        {
            return Page();
        }

        var result = await change.HandleAsync(Code, expected, settings, FilesActor.AuditName, RemoteAddress, cancellationToken);
        if (result.Succeeded)
        {
            if (result.Value.NewSsoKey is { } key)
            {
                KeepOutOfCaches();
                NewSsoKey = key;
                return Page();
            }

            TempData["Message"] = result.Value.Changes == 0 ? "Aucun changement." : "Réglages enregistrés.";
            return RedirectToPage(BackOfficePages.WhiteLabel, new { code = Code });
        }

        if (result.FailureCode == ErrorCodes.ConcurrentModification)
        {
            var now = await get.HandleAsync(Code, cancellationToken);
            Show(now!.Settings);
            Version = now.Version;
        }

        ShowErrors(result.Errors);
        return Page();
    }
}
