using Guichet.Application.Maintenance;
using Guichet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Guichet.Application.Mail;

/// <summary>
/// Deletes the outbox rows sent or given up longer ago than <see cref="MailOutboxOptions.Retention"/>, in batches
/// (<see cref="PurgeBatches"/>).
/// </summary>
public sealed class PurgeFinishedMail(GuichetDbContext db, PurgeBatches batches, TimeProvider clock, IOptions<MailOptions> options)
{
    public async Task<int> HandleAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - options.Value.Outbox.Retention;
        return await batches.UntilDoneAsync(size => db.MailOutbox.Where(m => m.FinishedAt < before)
            .OrderBy(m => m.FinishedAt).Take(size).ExecuteDeleteAsync(cancellationToken), cancellationToken);
    }
}
