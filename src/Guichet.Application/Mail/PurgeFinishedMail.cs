using Guichet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Guichet.Application.Mail;

/// <summary>Deletes the outbox rows sent or given up longer ago than <see cref="MailOutboxOptions.Retention"/>.</summary>
public sealed class PurgeFinishedMail(GuichetDbContext db, TimeProvider clock, IOptions<MailOptions> options)
{
    public async Task<int> HandleAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - options.Value.Outbox.Retention;
        return await db.MailOutbox.Where(m => m.FinishedAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}
