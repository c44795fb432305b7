using System.Security.Cryptography;
using System.Text;
using Guichet.Data;
using Guichet.Domain.Common;
using Guichet.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.People;

/// <summary>The one place email links are minted and checked: 256 random bits, stored hashed, single use, expiring.</summary>
public sealed class PersonTokens(GuichetDbContext db, TimeProvider clock)
{
    /// <summary>At most this many links of one purpose per person and hour: "resend" cannot be used to flood a mailbox.</summary>
    public const int MaxPerHour = 5;

    /// <summary>
    /// Revokes the person's earlier tokens of this purpose and returns a new one (added to the unit of work); null when
    /// the hourly limit is reached (the earlier link stays valid and the caller answers as usual).
    /// </summary>
    public async Task<string?> IssueAsync(Guid personId, TokenPurpose purpose, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hourAgo = now.AddHours(-1);
        var recent = await db.PersonTokens
            .CountAsync(t => t.PersonId == personId && t.Purpose == purpose && t.CreatedAt > hourAgo, cancellationToken);
        if (recent >= MaxPerHour)
        {
            return null;
        }

        await db.PersonTokens
            .Where(t => t.PersonId == personId && t.Purpose == purpose && t.ConsumedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.ConsumedAt, now), cancellationToken);
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

    /// <summary>Uses a token once: of two concurrent clicks, only one gets the person.</summary>
    public async Task<Result<Guid>> ConsumeAsync(string? token, TokenPurpose purpose, CancellationToken cancellationToken)
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
            return Result<Guid>.Failure(PeopleErrors.LinkUsedOrReplaced);
        }

        if (stored.ExpiresAt <= now)
        {
            return Result<Guid>.Failure(PeopleErrors.LinkExpired);
        }

        var claimed = await db.PersonTokens
            .Where(t => t.Id == stored.Id && t.ConsumedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.ConsumedAt, now), cancellationToken);
        return claimed == 1
            ? stored.PersonId
            : Result<Guid>.Failure(PeopleErrors.LinkUsed);
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

    private static Result<Guid> Invalid() => Result<Guid>.Failure(PeopleErrors.LinkInvalid);

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
