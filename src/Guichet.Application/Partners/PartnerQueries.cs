using Guichet.Data;
using Guichet.Domain.Partners;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Partners;

/// <summary>An establishment a person may act for, as the Partenaire space shows it.</summary>
public sealed record GrantedEstablishment(string Siret, string Name, string Address, string PostalCode, string City, DateTimeOffset GrantedAt)
{
    /// <summary>The training body the establishment belongs to.</summary>
    public string Siren => Siret[..9];
}

/// <summary>What the Partenaire space reads: only ever the establishments the signed-in person was granted.</summary>
public sealed class PartnerQueries(GuichetDbContext db)
{
    /// <summary>The person's establishments, grouped by training body (SIREN) then in SIRET order.</summary>
    public async Task<IReadOnlyList<GrantedEstablishment>> EstablishmentsOfAsync(Guid personId, CancellationToken cancellationToken) =>
        await Shown(Granted(personId).OrderBy(a => a.Establishment!.Siret)).ToListAsync(cancellationToken);

    /// <summary>One establishment, or null when the person was not granted it (unknown and refused look the same).</summary>
    public async Task<GrantedEstablishment?> EstablishmentOfAsync(Guid personId, string? siret, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(siret)
            ? null
            : await Shown(Granted(personId).Where(a => a.Establishment!.Siret == siret)).SingleOrDefaultAsync(cancellationToken);

    private IQueryable<EstablishmentAccess> Granted(Guid personId) =>
        db.EstablishmentAccesses.AsNoTracking().Where(a => a.PersonId == personId);

    // Sorted and filtered before this projection: EF translates no member of a record built by its constructor.
    private static IQueryable<GrantedEstablishment> Shown(IQueryable<EstablishmentAccess> accesses) =>
        accesses.Select(a => new GrantedEstablishment(a.Establishment!.Siret, a.Establishment.Name, a.Establishment.Address,
            a.Establishment.PostalCode, a.Establishment.City, a.GrantedAt));
}
