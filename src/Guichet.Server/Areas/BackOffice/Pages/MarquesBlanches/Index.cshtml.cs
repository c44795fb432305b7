using Guichet.Application.WhiteLabels;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.BackOffice.Pages.MarquesBlanches;

/// <summary>The white labels (administrators only): name, code, state, environment, auto-enrolment.</summary>
public sealed class IndexModel(ListWhiteLabels list) : BackOfficePageModel
{
    public IReadOnlyList<WhiteLabelChoice> WhiteLabels { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => WhiteLabels = await list.HandleAsync(cancellationToken);
}
