using System.Security.Cryptography;
using System.Text;
using Guichet.Data;
using Guichet.Domain.Common;
using Guichet.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.People;

/// <summary>A link used: whose it was, and when it was issued (a link confirms nothing changed after it).</summary>
public sealed record SpentLink(Guid PersonId, DateTimeOffset IssuedAt);

/// <summary>The one place email links are minted and checked: 256 random bits, stored hashed, single use, expiring.</summary>
public sealed class PersonTokens(GuichetDbContext db, TimeProvider clock)
{
    /// <summary>
    /// At most this many emails of one purpose per person and hour (links, and "already registered" notices): neither
    /// "resend" nor signing up again can be used to flood a mailbox.
    /// </summary>
    public const int MaxPerHour = 5;

    /// <summary>
    /// Returns a new token, and revokes the person's earlier tokens of this purpose, both in the unit of work (saved
    /// together with the change and the email); null when the hourly limit is reached (nothing changes: the earlier
    /// link stays valid and the caller answers as usual). The person (tracked) gets a new version: of two requests that
    /// counted the same links at once, the second one's save fails, so the hourly cap holds under concurrency too.
    /// </summary>
    public async Task<string?> IssueAsync(Person person, TokenPurpose purpose, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        if (await CappedAsync(person, purpose, cancellationToken))
        {
            return null;
        }

        var personId = person.Id;
        await RevokeAsync(personId, purpose, cancellationToken);
        var now = clock.GetUtcNow();
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        db.PersonTokens.Add(new PersonToken
        {
            PersonId = personId,
            Purpose = purpose,
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        });
        return token;
    }

    /// <summary>Revokes (in the unit of work) every link of this purpose the person was sent and has not used.</summary>
    public async Task RevokeAsync(Guid personId, TokenPurpose purpose, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var earlier = await db.PersonTokens.Where(t => t.PersonId == personId && t.Purpose == purpose && t.ConsumedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var token in earlier)
        {
            token.ConsumedAt = now;
        }
    }

    /// <summary>
    /// Counts an "already registered" notice in the hourly cap (a spent token in the unit of work, and a new version of
    /// the tracked person, as for <see cref="IssueAsync"/>); false when the cap is reached and nothing may be sent.
    /// </summary>
    public async Task<bool> CountNoticeAsync(Person person, CancellationToken cancellationToken)
    {
        if (await CappedAsync(person, TokenPurpose.SignUpNotice, cancellationToken))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        db.PersonTokens.Add(new PersonToken
        {
            PersonId = person.Id,
            Purpose = TokenPurpose.SignUpNotice,
            TokenHash = Hash(Base64Url(RandomNumberGenerator.GetBytes(32))),
            CreatedAt = now,
            ExpiresAt = now,
            ConsumedAt = now,
        });
        return true;
    }

    /// <summary>Uses a token once: of two concurrent clicks, only one gets the person.</summary>
    public async Task<Result<SpentLink>> ConsumeAsync(string? token, TokenPurpose purpose, CancellationToken cancellationToken)
    {
        var live = await PeekAsync(token, purpose, cancellationToken);
        if (!live.Succeeded)
        {
            return live;
        }

        var hash = Hash(token!);
        var now = clock.GetUtcNow();
        var claimed = await db.PersonTokens
            .Where(t => t.TokenHash == hash && t.Purpose == purpose && t.ConsumedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.ConsumedAt, now), cancellationToken);
        return claimed == 1 ? live : Result<SpentLink>.Failure(PeopleErrors.LinkUsed);
    }

    /// <summary>Whether a token could be used now (unused, unexpired), and whose it is, without using it.</summary>
    public async Task<Result<SpentLink>> PeekAsync(string? token, TokenPurpose purpose, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return Invalid();
        }

        var hash = Hash(token);
        var stored = await db.PersonTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == purpose, cancellationToken);
        var now = clock.GetUtcNow();
        if (stored is null)
        {
            return Invalid();
        }

        if (stored.ConsumedAt is not null)
        {
            return Result<SpentLink>.Failure(PeopleErrors.LinkUsedOrReplaced);
        }

        if (stored.ExpiresAt <= now)
        {
            return Result<SpentLink>.Failure(PeopleErrors.LinkExpired);
        }

        return new SpentLink(stored.PersonId, stored.CreatedAt);
    }

    /// <summary>The person a token was issued to, used or not, expired or not; null when no such token exists.</summary>
    public async Task<Guid?> OwnerAsync(string? token, TokenPurpose purpose, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        return await db.PersonTokens.Where(t => t.TokenHash == hash && t.Purpose == purpose)
            .Select(t => (Guid?)t.PersonId).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Whether the person had their hourly share of this purpose; if not, the person's version changes.</summary>
    private async Task<bool> CappedAsync(Person person, TokenPurpose purpose, CancellationToken cancellationToken)
    {
        var hourAgo = clock.GetUtcNow().AddHours(-1);
        var recent = await db.PersonTokens
            .CountAsync(t => t.PersonId == person.Id && t.Purpose == purpose && t.CreatedAt > hourAgo, cancellationToken);
        if (recent >= MaxPerHour)
        {
            return true;
        }

        person.Version = Guid.NewGuid();
        return false;
    }

    private static Result<SpentLink> Invalid() => Result<SpentLink>.Failure(PeopleErrors.LinkInvalid);

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
