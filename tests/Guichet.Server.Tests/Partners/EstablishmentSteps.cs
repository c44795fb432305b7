using Guichet.Domain.Partners;
using Guichet.Domain.People;
using Guichet.Server.Tests.Infrastructure;

namespace Guichet.Server.Tests.Partners;

/// <summary>Establishments and accesses written straight into the store, for tests of the establishments' import, search and pages.</summary>
public static class EstablishmentSteps
{
    /// <summary>An establishment with a fresh SIRET (of <paramref name="siren"/> when given), or with <paramref name="siret"/>.</summary>
    public static async Task<Establishment> NewEstablishmentAsync(this GuichetServer server, string? name = null, string? siren = null,
        string address = "1 rue de la Paix", string postalCode = "75002", string city = "Paris", string? siret = null)
    {
        siret ??= Sirets.Unique(siren);
        var establishment = new Establishment
        {
            Siret = siret,
            Name = name ?? "Établissement " + siret,
            Address = address,
            PostalCode = postalCode,
            City = city,
            CreatedAt = server.Clock.GetUtcNow(),
        };
        await server.InDbAsync(db =>
        {
            db.Establishments.Add(establishment);
            return db.SaveChangesAsync();
        });
        return establishment;
    }

    /// <summary>A new person holding access to <paramref name="establishment"/>, granted then by <paramref name="grantedBy"/>.</summary>
    public static async Task<Person> HolderAsync(this GuichetServer server, Establishment establishment, string email, string firstName,
        string lastName, DateTimeOffset grantedAt, string grantedBy = "staff:agent@guichet.test")
    {
        var person = new Person
        {
            Email = email,
            FirstName = firstName,
            LastName = lastName,
            PasswordHash = "not-a-hash",
            EmailConfirmedAt = grantedAt,
            CreatedAt = grantedAt,
            SignedUpIn = PortalSpace.Partenaire,
        };
        await server.InDbAsync(db =>
        {
            db.People.Add(person);
            db.EstablishmentAccesses.Add(new EstablishmentAccess
            {
                PersonId = person.Id,
                EstablishmentId = establishment.Id,
                GrantedAt = grantedAt,
                GrantedBy = grantedBy,
            });
            return db.SaveChangesAsync();
        });
        return person;
    }
}
