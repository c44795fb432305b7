using Guichet.Application.Accounts;
using Guichet.Application.Auditing;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Server.Tests.Auditing;

/// <summary>
/// Audit entries written straight into the store with the instants a test needs, and the trail's use cases called as
/// the page calls them. Each test tags its entries (a unique actor, subject or address) to see only its own.
/// </summary>
public sealed class TestAuditTrail(GuichetServer server)
{
    public static string Tag(string prefix = "t") => $"{prefix}-{Guid.NewGuid():N}"[..24];

    public async Task<AuditEntry> AddAsync(string actor, DateTimeOffset? at = null, string @event = AuditEvents.AccountModified,
        Guid? whiteLabelId = null, string? subject = null, string? from = null, string? to = null, string? address = null, string? detail = null)
    {
        // PostgreSQL keeps microseconds: what the test holds is what the store gives back.
        var when = at ?? server.Clock.GetUtcNow();
        var entry = new AuditEntry
        {
            At = new DateTimeOffset(when.UtcTicks - (when.UtcTicks % 10), TimeSpan.Zero),
            Actor = actor,
            Event = @event,
            WhiteLabelId = whiteLabelId,
            Subject = subject,
            FromValue = from,
            ToValue = to,
            RemoteAddress = address,
            Detail = detail,
        };
        await server.InDbAsync(db =>
        {
            db.AuditEntries.Add(entry);
            return db.SaveChangesAsync();
        });
        return entry;
    }

    public Task<Result<AuditTrailPage>> SearchAsync(AuditTrailSearch search) =>
        server.InScopeAsync(services => services.GetRequiredService<SearchAuditTrail>().HandleAsync(search, CancellationToken.None));

    /// <summary>Every page from the first, by Next.</summary>
    public Task<List<AuditTrailPage>> AllPagesAsync(AuditTrailSearch search) =>
        KeysetPages.AllAsync(cursor => SearchAsync(search with { Cursor = cursor }), page => page.Next);

    /// <summary>The ids a search finds, all pages, in order.</summary>
    public async Task<List<long>> FindAsync(AuditTrailSearch search) =>
        [.. (await AllPagesAsync(search)).SelectMany(p => p.Rows).Select(r => r.Entry.Id)];

    /// <summary>The export's rows, read to the end in the use case's scope (the stream needs its DbContext).</summary>
    public Task<Result<List<AuditTrailRow>>> ExportAsync(AuditTrailSearch search, StaffCaller actor) =>
        server.InScopeAsync(async services =>
        {
            var result = await services.GetRequiredService<ExportAuditTrail>().HandleAsync(search, actor, CancellationToken.None);
            if (!result.Succeeded)
            {
                return result.Cast<List<AuditTrailRow>>();
            }

            var rows = new List<AuditTrailRow>();
            await foreach (var row in result.Value)
            {
                rows.Add(row);
            }

            return Result<List<AuditTrailRow>>.Success(rows);
        });
}
