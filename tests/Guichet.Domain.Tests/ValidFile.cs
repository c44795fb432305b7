using Guichet.Domain.Accounts;

namespace Guichet.Domain.Tests;

/// <summary>Builds fresh, fully valid registration files; every call returns new objects.</summary>
public static class ValidFile
{
    public const string Siret = "73282932000074";

    public const string FrenchVat = "FR40303265045";

    public static readonly DateOnly Today = new(2026, 11, 23);

    public static AccountRules Rules(int loginPrefixLength = 0, bool testEnvironment = false) =>
        new(MaxSecondaryAccounts: 150, TestEnvironment: testEnvironment, Today: Today, LoginPrefixLength: loginPrefixLength);

    public static PrimaryAccountData Primary() => new()
    {
        AccountName = "acme-paris",
        CorporateOfficerName = "Jeanne Martin",
        EdiPartnerNumber = "1234567",
        Siret = Siret,
        CompanyName = "ACME",
        Address = Address(),
        AlertProfile = "standard",
        Manager = Manager(),
        Teleprocedures = [Teleprocedure.TVA],
        TechnicalContact = Contact(),
        AdministrativeContact = Contact(),
        GdprContact = Gdpr(),
        SecondaryAccountCount = "10",
        Category = AccountCategory.COMPANY,
        Billing = new BillingInfo { StartDate = "2026-01-01", VatNumber = FrenchVat },
    };

    public static SecondaryAccountData Secondary() => new()
    {
        AccountName = "agence-lyon",
        CorporateOfficerName = "Paul Durand",
        EdiPartnerNumber = "7654321",
        Siret = Siret,
        CompanyName = "ACME Lyon",
        Address = Address(),
        AlertProfile = "standard",
        Manager = Manager(),
        Teleprocedures = [Teleprocedure.TVA],
        TechnicalContact = Contact(),
        AdministrativeContact = Contact(),
        GdprContact = Gdpr(),
        Mailbox = true,
    };

    /// <summary>Adds DSN and DPAE to the teleprocedures, with their complete settings groups.</summary>
    public static T WithDsnAndDpae<T>(T data)
        where T : AccountData
    {
        data.Teleprocedures = [Teleprocedure.TVA, Teleprocedure.DSN, Teleprocedure.DPAE];
        data.Dsn = new DsnSettings { Siret = Siret, LastName = "Martin", FirstName = "Jeanne", SendSettingsSheet = true, SendBpijSheet = false };
        data.Dpae = new DpaeSettings { Siret = Siret, LastName = "Martin", FirstName = "Jeanne" };
        return data;
    }

    private static PostalAddress Address() => new()
    {
        Street = "1 rue de Rivoli",
        City = "Paris",
        PostalCode = "75001",
        Country = "FR",
    };

    private static AccountManager Manager() => new()
    {
        Civility = Civility.MS,
        LastName = "Martin",
        FirstName = "Jeanne",
        Email = "jeanne.martin@example.fr",
        Phone = "0123456789",
    };

    private static Contact Contact() => new()
    {
        Name = "Support",
        Email = "support@example.fr",
        Phone = "+33123456789",
    };

    private static GdprContact Gdpr() => new()
    {
        LastName = "Bernard",
        FirstName = "Luc",
        Function = "DPO",
        Phone = "0198765432",
        Email = "dpo@example.fr",
    };
}
