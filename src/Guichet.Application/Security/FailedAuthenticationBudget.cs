using System.Threading.RateLimiting;
using Guichet.Domain.Security;
using Microsoft.Extensions.Options;

namespace Guichet.Application.Security;

/// <summary>
/// How many failed WS-Security authentications one remote address may make per minute
/// (<see cref="SecurityOptions.FailedWhiteLabelAuthenticationsPerAddressPerMinute"/>), so that strangers cannot fill the
/// audit trail. An IPv6 address counts by its /64 network (<see cref="AddressPartition"/>). Counted in this process's
/// memory: each instance keeps its own budget.
/// </summary>
public sealed class FailedAuthenticationBudget : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public FailedAuthenticationBudget(IOptions<SecurityOptions> options)
    {
        var permits = options.Value.FailedWhiteLabelAuthenticationsPerAddressPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(address =>
            RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
    }

    /// <summary>Spends one failure of the address; past its budget, says how long until it has one again.</summary>
    public TimeSpan? TrySpend(string? remoteAddress)
    {
        using var lease = _limiter.AttemptAcquire(AddressPartition.Of(remoteAddress));
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _limiter.Dispose();
}
