using System.Text.Json;
using Guichet.Domain.Accounts;

namespace Guichet.Bench;

/// <summary>
/// Registration files as the store keeps them (JSON of the domain's file, as AccountConfiguration writes it), with the
/// login as the placeholder <c>__LOGIN__</c>: the tests' valid sample, so that a modification of a filled account passes
/// every rule of a registration. bench/load/soap-load.js sends the same file.
/// </summary>
public static class SampleFiles
{
    public const string Siret = "73282932000074";

    public const string CompanyName = "Boulangerie Martin";

    public const string CompanyNameKey = "boulangerie martin";

    public const string ManagerEmail = "claire.martin@example.fr";

    private static readonly GdprContact s_gdpr = new()
    {
        LastName = "Durand",
        FirstName = "Paul",
        Function = "DPO",
        Phone = "+33140000001",
        Email = "dpo@example.fr",
    };

    public static string Primary(string secondaryAccountCount) => JsonSerializer.Serialize<AccountData>(new PrimaryAccountData
    {
        AccountName = "__LOGIN__",
        Category = AccountCategory.COMPANY,
        Siret = Siret,
        CompanyName = CompanyName,
        SecondaryAccountCount = secondaryAccountCount,
        Test = false,
        Address = new PostalAddress { Street = "1 rue de la Paix", City = "Paris", PostalCode = "75002", Country = "FR" },
        Manager = new AccountManager
        {
            Civility = Civility.MS,
            LastName = "Martin",
            FirstName = "Claire",
            Email = ManagerEmail,
            Phone = "+33140000000",
        },
        Teleprocedures = [Teleprocedure.TVA, Teleprocedure.TDFC],
        GdprContact = s_gdpr,
        Billing = new BillingInfo { StartDate = "2025-01-01", VatNumber = "FR40303265045" },
    });

    public static string Secondary() => JsonSerializer.Serialize<AccountData>(new SecondaryAccountData
    {
        AccountName = "__LOGIN__",
        Siret = Siret,
        CompanyName = "Boulangerie Martin Lyon",
        Test = false,
        Mailbox = true,
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
        GdprContact = s_gdpr,
    });
}
