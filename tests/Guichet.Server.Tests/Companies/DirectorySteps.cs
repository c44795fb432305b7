using Guichet.Domain.Companies;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.Portal;

namespace Guichet.Server.Tests.Companies;

/// <summary>Companies and access requests written straight into the store, for tests of the directory and memberships.</summary>
public static class DirectorySteps
{
    /// <summary>A company of the directory with a fresh, Luhn-valid SIREN and a member code of its own.</summary>
    public static async Task<Company> NewCompanyAsync(this GuichetServer server, string? name = null)
    {
        var siren = Sirens.Unique();
        var company = new Company { Siren = siren, MemberCode = "ADH-" + siren, Name = name ?? "Entreprise " + siren };
        await server.InDbAsync(db =>
        {
            db.Companies.Add(company);
            return db.SaveChangesAsync();
        });
        return company;
    }

    /// <summary>A pending request of a new person (written straight: the company may have no administrator to send it to).</summary>
    public static async Task<Membership> PendingRequestAsync(
        this GuichetServer server, Company company, string email, DateTimeOffset? requestedAt = null)
    {
        var personId = await server.ConfirmedPersonAsync(email);
        var membership = new Membership
        {
            PersonId = personId,
            CompanyId = company.Id,
            Role = MembershipRole.Member,
            Status = MembershipStatus.Pending,
            RequestedAt = requestedAt ?? server.Clock.GetUtcNow(),
        };
        await server.InDbAsync(db =>
        {
            db.Memberships.Add(membership);
            return db.SaveChangesAsync();
        });
        return membership;
    }
}
