using Guichet.Data;
using Guichet.Domain.Common;
using Guichet.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Security;

/// <summary>
/// The brute-force brake shared by the SOAP service and the portal (<see cref="LoginThrottle"/>): one row per login
/// key (SOAP logins never contain '@', portal logins are emails, so the keys cannot collide).
/// </summary>
public sealed class LoginThrottling(GuichetDbContext db, TimeProvider clock)
{
    /// <summary>The login's throttle row if any, and the refusal to give when it is still waiting.</summary>
    public async Task<(LoginThrottle? Throttle, Error? Locked)> CheckAsync(string key, CancellationToken cancellationToken)
    {
        var throttle = await db.LoginThrottles.SingleOrDefaultAsync(t => t.Login == key, cancellationToken);
        var now = clock.GetUtcNow();
        if (throttle is null || !throttle.IsBlocked(now))
        {
            return (throttle, null);
        }

        var until = throttle.BlockedUntil!.Value;
        return (throttle, new Error(ErrorCodes.UserTemporarilyLocked,
            $"Trop de tentatives échouées : réessayez dans {Seconds(until, now)} secondes ({until.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ})."));
    }

    /// <summary>Counts a failure (added to the unit of work) and says when the next attempt is possible.</summary>
    public string RecordFailure(LoginThrottle? throttle, string key)
    {
        var now = clock.GetUtcNow();
        throttle ??= db.LoginThrottles.Add(new LoginThrottle { Login = key }).Entity;
        throttle.RecordFailure(now);
        var until = throttle.BlockedUntil!.Value;
        return $"Prochaine tentative possible dans {Seconds(until, now)} secondes ({until.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}).";
    }

    public void Reset(LoginThrottle? throttle)
    {
        if (throttle is not null)
        {
            db.LoginThrottles.Remove(throttle);
        }
    }

    /// <summary>
    /// Two failures of one login at the same instant race on its row; the loser's count is dropped, which only
    /// shortens one wait by a step and never unblocks anybody.
    /// </summary>
    public async Task SaveIgnoringRacesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }
    }

    private static int Seconds(DateTimeOffset until, DateTimeOffset now) => (int)Math.Ceiling((until - now).TotalSeconds);
}
