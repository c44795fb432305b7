using Guichet.Domain.Mail;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.Infrastructure;

/// <summary>
/// Waits on the mail outbox: mail leaves after the response (the worker sends it), so a test that checks what was NOT
/// sent first waits until nothing is pending for the address.
/// </summary>
public static class MailOutboxSteps
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(15);

    /// <summary>Waits until every mail written for <paramref name="recipient"/> is sent or given up.</summary>
    public static async Task AllMailSentAsync(this GuichetServer server, string recipient)
    {
        var deadline = DateTime.UtcNow + s_timeout;
        while (await server.InDbAsync(db => db.MailOutbox.AnyAsync(m => m.Recipient == recipient && m.State == OutgoingMailState.Pending)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Mail to {recipient} still pending after {s_timeout}.");
            await Task.Delay(50);
        }
    }

    /// <summary>The pending mail to <paramref name="recipient"/> once an attempt failed (the row waits for its retry).</summary>
    public static async Task<OutgoingMail> WaitForFailedAttemptAsync(this GuichetServer server, string recipient)
    {
        var deadline = DateTime.UtcNow + s_timeout;
        while (true)
        {
            var row = await server.InDbAsync(db => db.MailOutbox.AsNoTracking()
                .FirstOrDefaultAsync(m => m.Recipient == recipient && m.State == OutgoingMailState.Pending && m.LastError != null
                    && m.LeaseId == null));
            if (row is not null)
            {
                return row;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No failed attempt to send to {recipient} after {s_timeout}.");
            await Task.Delay(50);
        }
    }
}
