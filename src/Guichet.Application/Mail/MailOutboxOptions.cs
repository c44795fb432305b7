namespace Guichet.Application.Mail;

/// <summary>Section <c>Mail:Outbox</c>: how the mail worker sends, retries, gives up and forgets.</summary>
public sealed class MailOutboxOptions
{
    /// <summary>How often the worker looks for mail when nobody woke it (mail of other instances, retries due).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait after the first failure; it doubles at each further failure, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A mail still failing this long after it was written is given up (logged as an error).</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(2);

    /// <summary>
    /// How long an instance holds a mail it is sending; a mail whose instance died is taken again after it. The SMTP sender
    /// gives up an exchange at half of it, so that a slow send is not taken again while it may still go through.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a sent or given-up mail stays in the table (without its body) for operators, before it is deleted.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The wait before the attempt after <paramref name="failedAttempts"/> failures: doubling, capped.</summary>
    public TimeSpan RetryDelay(int failedAttempts)
    {
        var delay = FirstRetryDelay;
        for (var i = 1; i < failedAttempts && delay < MaxRetryDelay; i++)
        {
            delay *= 2;
        }

        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}
