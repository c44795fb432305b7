using Guichet.Application.WhiteLabels;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.BackOffice.Pages.MarquesBlanches;

/// <summary>A new white label (the same use case as the create-white-label command); its secrets are shown once, here.</summary>
public sealed class NouvelleModel(CreateWhiteLabel create) : WhiteLabelFormPageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public WhiteLabelCredentials? Created { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (PostedSettings() is not { } settings)
        {
            return Page();
        }

        var request = new NewWhiteLabel(Code?.Trim() ?? string.Empty, settings);
        var result = await create.HandleAsync(request, FilesActor.AuditName, RemoteAddress, cancellationToken);
        if (!result.Succeeded)
        {
            ShowErrors(result.Errors);
            return Page();
        }

        KeepOutOfCaches();
        Created = result.Value;
        return Page();
    }
}
