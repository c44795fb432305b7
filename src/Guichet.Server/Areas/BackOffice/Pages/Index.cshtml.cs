using Guichet.Application.Accounts.Files;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Server.Areas.BackOffice.Pages;

/// <summary>Tableau de bord: the files per state, each a link to the list filtered by it, and the oldest files waiting for staff.</summary>
public sealed class IndexModel(CountRegistrationFilesByState count) : PageModel
{
    public RegistrationFileCounts Counts { get; private set; } = new([], []);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Counts = await count.HandleAsync(cancellationToken);
}
