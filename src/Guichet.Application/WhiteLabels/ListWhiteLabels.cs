using Guichet.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.WhiteLabels;

/// <summary>A white label as a list or a filter shows it.</summary>
public sealed record WhiteLabelChoice(Guid Id, string Code, string Name, bool Disabled, bool TestEnvironment, bool AutoEnrol);

/// <summary>
/// Every white label by name (then code): the back office's filters and its white-label list show them. A fund has tens
/// of them, not thousands.
/// </summary>
public sealed class ListWhiteLabels(GuichetDbContext db)
{
    public async Task<IReadOnlyList<WhiteLabelChoice>> HandleAsync(CancellationToken cancellationToken) =>
        (await db.WhiteLabels.AsNoTracking()
            .Select(w => new WhiteLabelChoice(w.Id, w.Code, w.Name, w.Disabled, w.TestEnvironment, w.AutoEnrol)).ToListAsync(cancellationToken))
        .OrderBy(w => w.Name, StringComparer.OrdinalIgnoreCase).ThenBy(w => w.Code, StringComparer.Ordinal).ToList();
}
