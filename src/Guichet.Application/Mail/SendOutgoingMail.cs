using System.Security.Cryptography;
using Guichet.Data;
using Guichet.Domain.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Guichet.Application.Mail;

/// <summary>
/// Sends the outbox's mail that is due, one row at a time. A row is claimed by a conditional UPDATE that only one instance
/// can win (pending, due, lease free), and only the claim's holder records the outcome, so several instances on one
/// database never send a row twice in normal operation; a row whose instance died is claimed again after its lease.
/// A failure is retried with exponential backoff; past <see cref="MailOutboxOptions.GiveUpAfter"/>, or at once when the
/// mail can never be sent (an address the mail library refuses, a key ring that lost its key), it is given up and logged
/// as an error. The body is wiped in both ends.
/// </summary>
public sealed class SendOutgoingMail(
    GuichetDbContext db,
    IMailSender sender,
    MailContent content,
    TimeProvider clock,
    IOptions<MailOptions> options,
    ILogger<SendOutgoingMail> logger)
{
    /// <summary>Sends every mail due now; returns how many were sent.</summary>
    public async Task<int> HandleAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        while (await ClaimNextAsync(cancellationToken) is { } claim)
        {
            if (await SendAsync(claim.Mail, claim.LeaseId, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<(OutgoingMail Mail, Guid LeaseId)?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        var outbox = options.Value.Outbox;
        while (true)
        {
            var now = clock.GetUtcNow();
            var candidate = await Due(now).OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => (long?)m.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (candidate is not { } id)
            {
                return null;
            }

            var leaseId = Guid.NewGuid();
            var claimed = await Due(now).Where(m => m.Id == id).ExecuteUpdateAsync(set => set
                .SetProperty(m => m.LeasedUntil, now + outbox.Lease)
                .SetProperty(m => m.LeaseId, leaseId)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
            if (claimed == 1)
            {
                var mail = await db.MailOutbox.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
                return (mail, leaseId);
            }

            // Another instance claimed it between the two statements: look for the next one.
        }
    }

    private IQueryable<OutgoingMail> Due(DateTimeOffset now) => db.MailOutbox.Where(m =>
        m.State == OutgoingMailState.Pending && m.NextAttemptAt <= now && (m.LeasedUntil == null || m.LeasedUntil < now));

    private async Task<bool> SendAsync(OutgoingMail mail, Guid leaseId, CancellationToken cancellationToken)
    {
        try
        {
            var message = content.Unprotect(mail.Recipient, mail.ProtectedSubject, mail.ProtectedBody!);
            await sender.SendAsync(message, cancellationToken);
        }
        catch (Exception exception) when (IsPermanent(exception))
        {
            logger.LogError(exception, "Mail {MailId} to {Recipient} can never be sent: given up.", mail.Id, mail.Recipient);
            await FinishAsync(mail, leaseId, OutgoingMailState.GaveUp, Describe(exception));
            return false;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await FailAsync(mail, leaseId, exception);
            return false;
        }

        if (await FinishAsync(mail, leaseId, OutgoingMailState.Sent, null))
        {
            logger.LogInformation("Mail {MailId} to {Recipient} sent (attempt {Attempt}).", mail.Id, mail.Recipient, mail.Attempts);
        }
        else
        {
            logger.LogWarning("Mail {MailId} to {Recipient} was sent after its lease ran out: another instance may send it again.",
                mail.Id, mail.Recipient);
        }

        return true;
    }

    private async Task FailAsync(OutgoingMail mail, Guid leaseId, Exception exception)
    {
        var outbox = options.Value.Outbox;
        var now = clock.GetUtcNow();
        if (now - mail.EnqueuedAt >= outbox.GiveUpAfter)
        {
            logger.LogError(exception, "Mail {MailId} to {Recipient} given up after {Attempts} attempts since {EnqueuedAt:u}.",
                mail.Id, mail.Recipient, mail.Attempts, mail.EnqueuedAt);
            await FinishAsync(mail, leaseId, OutgoingMailState.GaveUp, Describe(exception));
            return;
        }

        var next = now + outbox.RetryDelay(mail.Attempts);
        logger.LogWarning(exception, "Mail {MailId} to {Recipient} not sent (attempt {Attempt}); next attempt at {NextAttempt:u}.",
            mail.Id, mail.Recipient, mail.Attempts, next);
        var error = Describe(exception);
        await Held(mail, leaseId).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.LeasedUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LeaseId, (Guid?)null), CancellationToken.None);
    }

    /// <summary>
    /// Records the end (sent or given up) and wipes the body; false when the lease was lost meanwhile. Not cancellable, as
    /// the outcome of a failure: a mail handed to the server must be recorded as sent even while the host stops.
    /// </summary>
    private async Task<bool> FinishAsync(OutgoingMail mail, Guid leaseId, OutgoingMailState state, string? error)
    {
        var now = clock.GetUtcNow();
        return await Held(mail, leaseId).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.State, state)
            .SetProperty(m => m.FinishedAt, now)
            .SetProperty(m => m.ProtectedBody, (string?)null)
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.LeasedUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LeaseId, (Guid?)null), CancellationToken.None) == 1;
    }

    private IQueryable<OutgoingMail> Held(OutgoingMail mail, Guid leaseId) =>
        db.MailOutbox.Where(m => m.Id == mail.Id && m.LeaseId == leaseId && m.State == OutgoingMailState.Pending);

    /// <summary>Failures that no retry can mend.</summary>
    private static bool IsPermanent(Exception exception) =>
        exception is ArgumentException or CryptographicException or FormatException or System.Text.Json.JsonException;

    private static string Describe(Exception exception)
    {
        var error = $"{exception.GetType().Name}: {exception.Message}";
        return error.Length > OutgoingMail.MaxErrorLength ? error[..OutgoingMail.MaxErrorLength] : error;
    }
}
