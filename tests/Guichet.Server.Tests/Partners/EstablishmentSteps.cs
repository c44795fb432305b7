using Guichet.Domain.Partners;
using Guichet.Domain.People;
using Guichet.Server.Tests.Infrastructure;

namespace Guichet.Server.Tests.Partners;

/// <summary>
/// People holding access written straight into the store, with who granted it and when, for tests of the establishments'
/// back office (establishments themselves: <see cref="PartnerSteps.NewEstablishmentAsync"/>).
/// </summary>
public static class EstablishmentSteps
{
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
