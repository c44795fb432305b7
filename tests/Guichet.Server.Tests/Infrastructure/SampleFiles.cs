using Guichet.Server.Soap.Contract;

namespace Guichet.Server.Tests.Infrastructure;

/// <summary>Valid registration files with a unique account name each.</summary>
public static class SampleFiles
{
    public static string UniqueName(string prefix = "c") => prefix + Guid.NewGuid().ToString("N")[..10];

    /// <summary>
    /// A folder number no account of the suite has: longer than a drawn one and led by a digit the draw never uses.
    /// </summary>
    public static string UnusedFolderNumber() => $"D{DateTime.UtcNow:yyyyMMdd}-1{Random.Shared.Next(100_000_000):D8}";

    public static PrimaryAccountData Primary(string? name = null) => new()
    {
        AccountName = name ?? UniqueName(),
        Category = AccountCategory.COMPANY,
        Siret = "73282932000074",
        CompanyName = "Boulangerie Martin",
        SecondaryAccountCount = "5",
        Address = new PostalAddress { Street = "1 rue de la Paix", City = "Paris", PostalCode = "75002", Country = "FR" },
        Manager = new AccountManager
        {
            Civility = Civility.MS,
            LastName = "Martin",
            FirstName = "Claire",
            Email = "claire.martin@example.fr",
            Phone = "0140000000",
        },
        Teleprocedures = [Teleprocedure.TVA, Teleprocedure.TDFC],
        GdprContact = new GdprContact { LastName = "Durand", FirstName = "Paul", Function = "DPO", Phone = "0140000001", Email = "dpo@example.fr" },
        Billing = new BillingInfo { StartDate = "2026-01-01", VatNumber = "FR40303265045" },
    };

    public static SecondaryAccountData Secondary(string? name = null) => new()
    {
        AccountName = name ?? UniqueName("s"),
        Siret = "73282932000074",
        CompanyName = "Boulangerie Martin Lyon",
        Address = new PostalAddress { Street = "2 place Bellecour", City = "Lyon", PostalCode = "69002", Country = "FR" },
        Manager = new AccountManager
        {
            Civility = Civility.MR,
            LastName = "Petit",
            FirstName = "Jean",
            Email = "jean.petit@example.fr",
            Phone = "+33472000000",
        },
        Teleprocedures = [Teleprocedure.TVA],
        GdprContact = new GdprContact { LastName = "Durand", FirstName = "Paul", Function = "DPO", Phone = "0140000001", Email = "dpo@example.fr" },
    };
}
