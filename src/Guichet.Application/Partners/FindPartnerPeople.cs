using Guichet.Data;
using Guichet.Domain.Accounts;
using Guichet.Domain.Common;
using Guichet.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Partners;

/// <summary>A person as the back office's partner-access list shows them.</summary>
public sealed record PartnerPersonRow(Guid Id, string Email, string DisplayName, PortalSpace SignedUpIn, DateTimeOffset CreatedAt,
    DateTimeOffset? EmailConfirmedAt, int Establishments);

/// <param name="Queue">True for the queue (no search text): Partenaire sign-ups waiting for an access, oldest first.</param>
/// <param name="More">More people than <see cref="FindPartnerPeople.Limit"/> match: the search should be narrowed.</param>
/// <param name="Waiting">The whole queue's length (the queue only).</param>
public sealed record PartnerPeople(bool Queue, IReadOnlyList<PartnerPersonRow> Rows, bool More, int? Waiting);

/// <summary>
/// "Accès partenaires": find a person by the start of their email address or by a part of their name; with no text, the
/// queue of people who signed up in the Partenaire space, validated their address and hold no establishment yet, oldest
/// first. At most <see cref="Limit"/> rows: past it, the page asks for a narrower search (the queue shrinks as staff work
/// through it, oldest first, so it needs no paging either).
/// </summary>
public sealed class FindPartnerPeople(GuichetDbContext db)
{
    public const int Limit = 50;

    /// <summary>Longer than any email address or pair of names.</summary>
    public const int MaxTextLength = 250;

    /// <param name="field">The form field the search text's error goes under.</param>
    public async Task<Result<PartnerPeople>> HandleAsync(string? text, string field, CancellationToken cancellationToken)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return await QueueAsync(cancellationToken);
        }

        if (text.Length > MaxTextLength)
        {
            return PartnerErrors.SearchTextTooLong(field, MaxTextLength);
        }

        // Emails are stored in lower case: a prefix of the lowered text, read on the unique index.
        var email = SearchKeys.Email(text)!;
        var branches = new List<IQueryable<Person>> { db.People.Where(p => p.Email.StartsWith(email)) };
        // Every word of the text in the name key, in any order ("dupont marie" finds Marie Dupont); an address is not a name.
        if (!text.Contains('@', StringComparison.Ordinal) && SearchKeys.Text(text) is { } key)
        {
            var byName = db.People.AsQueryable();
            foreach (var word in key.Split(' '))
            {
                byName = byName.Where(p => p.NameKey!.Contains(word));
            }

            branches.Add(byName);
        }

        var found = new Dictionary<Guid, PartnerPersonRow>();
        foreach (var branch in branches)
        {
            foreach (var row in await RowsAsync(branch.OrderBy(p => p.Email), cancellationToken))
            {
                found[row.Id] = row;
            }
        }

        var rows = found.Values.OrderBy(r => r.Email, StringComparer.Ordinal).ToList();
        return new PartnerPeople(false, [.. rows.Take(Limit)], rows.Count > Limit, null);
    }

    private async Task<PartnerPeople> QueueAsync(CancellationToken cancellationToken)
    {
        var waiting = db.People.Where(p => p.SignedUpIn == PortalSpace.Partenaire && p.EmailConfirmedAt != null
            && !db.EstablishmentAccesses.Any(a => a.PersonId == p.Id));
        var rows = await RowsAsync(waiting.OrderBy(p => p.CreatedAt).ThenBy(p => p.Email), cancellationToken);
        var count = rows.Count > Limit ? await waiting.CountAsync(cancellationToken) : rows.Count;
        return new PartnerPeople(true, [.. rows.Take(Limit)], rows.Count > Limit, count);
    }

    /// <summary>One more than the limit, to tell whether there are more.</summary>
    private async Task<List<PartnerPersonRow>> RowsAsync(IQueryable<Person> people, CancellationToken cancellationToken)
    {
        var rows = await people.AsNoTracking().Take(Limit + 1)
            .Select(p => new
            {
                p.Id,
                p.Email,
                p.FirstName,
                p.LastName,
                p.SignedUpIn,
                p.CreatedAt,
                p.EmailConfirmedAt,
                Establishments = db.EstablishmentAccesses.Count(a => a.PersonId == p.Id),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(p => new PartnerPersonRow(p.Id, p.Email, Person.DisplayNameOf(p.FirstName, p.LastName), p.SignedUpIn,
            p.CreatedAt, p.EmailConfirmedAt, p.Establishments))];
    }
}
