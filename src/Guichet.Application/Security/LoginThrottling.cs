using Guichet.Data;
using Guichet.Domain.Common;
using Guichet.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Security;

/// <summary>Who reads the brake's messages: a program (SOAP: seconds, ISO UTC) or a person (minutes, Paris time).</summary>
public enum BrakeReader
{
    Program,
    Person,
}

/// <summary>A key that is not waiting, whether it has failures that a success must clear, and who reads its messages.</summary>
public sealed record LoginBrake(string Key, bool HasFailures, BrakeReader Reader);

/// <summary>
/// The brute-force brake shared by the SOAP service and the portal (<see cref="LoginThrottle"/>): one row per key, each
/// door and white label in a key space of its own. Failures are counted by one atomic statement in the database, so
/// parallel failures each count; its writes are single statements that neither flush nor clear the caller's unit of work.
/// </summary>
public sealed class LoginThrottling(GuichetDbContext db, TimeProvider clock)
{
    // Read on every SOAP call and every sign-in (CompiledPerModel).
    private static readonly CompiledPerModel<Func<GuichetDbContext, string, CancellationToken, Task<LoginThrottle?>>> s_byKey = new(() =>
        EF.CompileAsyncQuery((GuichetDbContext db, string key, CancellationToken _) =>
            db.LoginThrottles.AsNoTracking().SingleOrDefault(t => t.Login == key)));

    /// <summary>The key's brake, or USER_TEMPORARILY_LOCKED while it still waits.</summary>
    public async Task<Result<LoginBrake>> CheckAsync(string key, BrakeReader reader, CancellationToken cancellationToken) =>
        Judge(key, await s_byKey.For(db)(db, key, cancellationToken), reader);

    /// <summary>
    /// The same verdict on a row the caller read itself, or null when the key has none (the SOAP door reads it with the
    /// account's credentials: one query instead of two on every call).
    /// </summary>
    public Result<LoginBrake> Judge(string key, LoginThrottle? throttle, BrakeReader reader)
    {
        var now = clock.GetUtcNow();
        if (throttle is null || !throttle.IsBlocked(now))
        {
            return new LoginBrake(key, throttle is not null, reader);
        }

        var until = throttle.BlockedUntil!.Value;
        return reader == BrakeReader.Person ? SecurityErrors.PersonTemporarilyLocked(until, now) : SecurityErrors.UserTemporarilyLocked(until, now);
    }

    /// <summary>Counts a failure (saved at once) and says when the next attempt is possible.</summary>
    public async Task<string> RecordFailureAsync(LoginBrake brake, CancellationToken cancellationToken)
    {
        var key = brake.Key;
        var now = clock.GetUtcNow();
        // One statement, the same on SQLite (3.35+) and PostgreSQL: creates the row or adds one, and says how many.
        var counted = await db.Database.SqlQuery<int>($"""
            INSERT INTO login_throttles ("Login", "Failures") VALUES ({key}, 1)
            ON CONFLICT ("Login") DO UPDATE SET "Failures" = login_throttles."Failures" + 1
            RETURNING "Failures" AS "Value"
            """).ToListAsync(cancellationToken);
        var until = now + LoginThrottle.WaitAfter(counted.Single());
        // Racing failures each set the wait of their own count: the longest one stays.
        await db.LoginThrottles
            .Where(t => t.Login == key && (t.BlockedUntil == null || t.BlockedUntil < until))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.BlockedUntil, until), cancellationToken);
        return brake.Reader == BrakeReader.Person ? SecurityErrors.PersonNextAttempt(until, now) : SecurityErrors.NextAttempt(until, now);
    }

    /// <summary>A success forgets the key's failures.</summary>
    public async Task ResetAsync(LoginBrake brake, CancellationToken cancellationToken)
    {
        if (brake.HasFailures)
        {
            await db.LoginThrottles.Where(t => t.Login == brake.Key).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
