using Guichet.Application.Accounts;
using Guichet.Application.Partners;
using Guichet.Domain.Common;
using Guichet.Domain.People;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.Portal;

namespace Guichet.Server.Tests.Partners;

/// <summary>People and establishments written straight into the store, and the partner-access use cases called as pages call them.</summary>
public static class PartnerAccessSteps
{
    /// <summary>The sign-in link the pages give the grant (the Partenaire space's).</summary>
    public const string SignInLink = "http://portail.test/partenaire/connexion";

    /// <summary>A person with a unique email; by default signed up in the Partenaire space, address validated, now.</summary>
    public static async Task<Person> PersonAsync(this GuichetServer server, string? email = null, string firstName = "Prénom",
        string lastName = "Nom", PortalSpace space = PortalSpace.Partenaire, bool confirmed = true, DateTimeOffset? createdAt = null)
    {
        var at = createdAt ?? server.Clock.GetUtcNow();
        var person = new Person
        {
            Email = email ?? PortalSteps.UniqueEmail(),
            FirstName = firstName,
            LastName = lastName,
            PasswordHash = "not-a-hash",
            PasswordChangedAt = at,
            CreatedAt = at,
            EmailConfirmedAt = confirmed ? at : null,
            SignedUpIn = space,
        };
        await server.InDbAsync(db =>
        {
            db.People.Add(person);
            return db.SaveChangesAsync();
        });
        return person;
    }

    public static Task<Result<GrantedAccess>> GrantAsync(this GuichetServer server, StaffCaller staff, Guid personId, IReadOnlyList<string?> sirets,
        params EstablishmentDetails[] newEstablishments) =>
        server.UseAsync<GrantEstablishmentAccess, Result<GrantedAccess>>(u =>
            u.HandleAsync(staff, new AccessGrant(personId, sirets, newEstablishments), SignInLink, CancellationToken.None));

    public static Task<Result<RemovedAccess>> RemoveAsync(this GuichetServer server, StaffCaller staff, Guid personId, string? siret) =>
        server.UseAsync<RemoveEstablishmentAccess, Result<RemovedAccess>>(u => u.HandleAsync(staff, personId, siret, CancellationToken.None));

    public static async Task<PartnerPeople> FindAsync(this GuichetServer server, string? text)
    {
        var found = await server.UseAsync<FindPartnerPeople, Result<PartnerPeople>>(u => u.HandleAsync(text, "recherche", CancellationToken.None));
        Assert.True(found.Succeeded, string.Join("; ", found.Errors));
        return found.Value;
    }
}
