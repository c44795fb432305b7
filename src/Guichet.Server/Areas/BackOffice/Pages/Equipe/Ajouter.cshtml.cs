using Guichet.Application.Staff;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.BackOffice.Pages.Equipe;

/// <summary>A new staff member; the one-time password is shown once, in the answer to the form.</summary>
public sealed class AjouterModel(CreateStaffMember create) : BackOfficePageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Role { get; set; } = "agent";

    public CreatedStaffMember? Created { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await create.HandleAsync(new NewStaffMember(Email, DisplayName, Role), Actor, RemoteAddress, cancellationToken);
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
