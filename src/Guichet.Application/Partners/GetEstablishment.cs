using Guichet.Data;
using Guichet.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Partners;

/// <summary>A person who may act for an establishment, since when and by whose grant (an audit name, <c>staff:&lt;email&gt;</c>).</summary>
public sealed record EstablishmentHolder(string Email, string DisplayName, DateTimeOffset GrantedAt, string GrantedBy);

/// <summary>An establishment as the back office shows it, with the people who hold access to it and the size of its training body.</summary>
public sealed record EstablishmentCard(string Siret, string Name, string Address, string PostalCode, string City, DateTimeOffset CreatedAt,
    int EstablishmentsOfItsBody, IReadOnlyList<EstablishmentHolder> People)
{
    /// <summary>The training body the establishment belongs to.</summary>
    public string Siren => Siret[..9];
}

/// <summary>One establishment, by its SIRET (blanks allowed), with the people who hold access to it; null when unknown.</summary>
public sealed class GetEstablishment(GuichetDbContext db)
{
    public async Task<EstablishmentCard?> HandleAsync(string? siret, CancellationToken cancellationToken)
    {
        var normalized = EstablishmentFields.NormalizeSiret(siret);
        var establishment = await db.Establishments.AsNoTracking().SingleOrDefaultAsync(e => e.Siret == normalized, cancellationToken);
        if (establishment is null)
        {
            return null;
        }

        var rows = await db.EstablishmentAccesses.AsNoTracking().Where(a => a.EstablishmentId == establishment.Id)
            .OrderBy(a => a.Person!.LastName).ThenBy(a => a.Person!.FirstName).ThenBy(a => a.Person!.Email)
            .Select(a => new { a.Person!.Email, a.Person.FirstName, a.Person.LastName, a.GrantedAt, a.GrantedBy })
            .ToListAsync(cancellationToken);
        var ofItsBody = await db.Establishments.CountAsync(e => e.Siren == establishment.Siren, cancellationToken);
        return new EstablishmentCard(establishment.Siret, establishment.Name, establishment.Address, establishment.PostalCode,
            establishment.City, establishment.CreatedAt, ofItsBody,
            [.. rows.Select(r => new EstablishmentHolder(r.Email, Person.DisplayNameOf(r.FirstName, r.LastName), r.GrantedAt, r.GrantedBy))]);
    }
}
