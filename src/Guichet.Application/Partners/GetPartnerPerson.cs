using Guichet.Data;
using Guichet.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Partners;

/// <summary>An establishment a person was granted, with who granted it and when.</summary>
public sealed record PartnerAccess(string Siret, string Name, string Address, string PostalCode, string City, DateTimeOffset GrantedAt,
    string GrantedBy);

/// <summary>A person as the back office's partner-access page shows them, with the establishments they may act for.</summary>
public sealed record PartnerPerson(Guid Id, string Email, string FirstName, string LastName, PortalSpace SignedUpIn, DateTimeOffset CreatedAt,
    DateTimeOffset? EmailConfirmedAt, IReadOnlyList<PartnerAccess> Establishments)
{
    public string DisplayName => Person.DisplayNameOf(FirstName, LastName);
}

/// <summary>One person and their establishments (in SIRET order, so grouped by training body); null when unknown.</summary>
public sealed class GetPartnerPerson(GuichetDbContext db)
{
    public async Task<PartnerPerson?> HandleAsync(Guid personId, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new { p.Email, p.FirstName, p.LastName, p.SignedUpIn, p.CreatedAt, p.EmailConfirmedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return null;
        }

        var establishments = await db.EstablishmentAccesses.AsNoTracking().Where(a => a.PersonId == personId)
            .OrderBy(a => a.Establishment!.Siret)
            .Select(a => new PartnerAccess(a.Establishment!.Siret, a.Establishment.Name, a.Establishment.Address, a.Establishment.PostalCode,
                a.Establishment.City, a.GrantedAt, a.GrantedBy))
            .ToListAsync(cancellationToken);
        return new PartnerPerson(personId, person.Email, person.FirstName, person.LastName, person.SignedUpIn, person.CreatedAt,
            person.EmailConfirmedAt, establishments);
    }
}
