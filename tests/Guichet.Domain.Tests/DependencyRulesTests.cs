using Guichet.Domain.Accounts;
using Guichet.Domain.Common;

namespace Guichet.Domain.Tests;

public class DependencyRulesTests
{
    private static IReadOnlyList<Error> Validate(PrimaryAccountData data, AccountRules? rules = null) =>
        AccountDataValidator.ValidatePrimary(data, rules ?? ValidFile.Rules());

    private static void AssertSingle(IReadOnlyList<Error> errors, string code, string field)
    {
        var error = Assert.Single(errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(field, error.Field);
    }

    // Order number.
    [Theory]
    [InlineData(AccountCategory.PUBLIC_ACCOUNTANT)]
    [InlineData(AccountCategory.OGA)]
    public void OrderNumber_MissingForAccountantOrOga_FailsRequired(AccountCategory category)
    {
        var data = ValidFile.Primary();
        data.Category = category;
        AssertSingle(Validate(data), ErrorCodes.Required, "OrderNumber");
    }

    [Theory]
    [InlineData(AccountCategory.PUBLIC_ACCOUNTANT)]
    [InlineData(AccountCategory.OGA)]
    public void OrderNumber_GivenForAccountantOrOga_Passes(AccountCategory category)
    {
        var data = ValidFile.Primary();
        data.Category = category;
        data.OrderNumber = "75A12345";
        Assert.Empty(Validate(data));
    }

    [Theory]
    [InlineData(AccountCategory.COMPANY)]
    [InlineData(AccountCategory.GPA)]
    public void OrderNumber_MissingForOtherCategory_Passes(AccountCategory category)
    {
        var data = ValidFile.Primary();
        data.Category = category;
        data.OrderNumber = null;
        Assert.Empty(Validate(data));
    }

    // PERSONNAL versus the others.
    private static PrimaryAccountData Personal()
    {
        var data = ValidFile.Primary();
        data.Category = AccountCategory.PERSONNAL;
        data.Siret = null;
        data.CompanyName = null;
        data.Billing!.VatNumber = null;
        data.TaxNumber = "1234567890123";
        return data;
    }

    [Fact]
    public void Personal_WithTaxNumberWithoutSiretCompanyOrVat_Passes()
    {
        Assert.Empty(Validate(Personal()));
    }

    [Fact]
    public void Personal_WithoutTaxNumber_FailsRequired()
    {
        var data = Personal();
        data.TaxNumber = null;
        AssertSingle(Validate(data), ErrorCodes.Required, "TaxNumber");
    }

    [Theory]
    [InlineData(AccountCategory.COMPANY)]
    [InlineData(AccountCategory.GPA)]
    [InlineData(AccountCategory.PUBLIC_ACCOUNTANT)]
    [InlineData(AccountCategory.OGA)]
    public void NonPersonal_WithoutSiretAndCompanyName_FailsRequiredOnBoth(AccountCategory category)
    {
        var data = ValidFile.Primary();
        data.Category = category;
        data.OrderNumber = "A1";
        data.Siret = null;
        data.CompanyName = null;
        var errors = Validate(data);
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal(ErrorCodes.Required, e.Code));
        Assert.Equal(["CompanyName", "Siret"], errors.Select(e => e.Field).Order());
    }

    [Fact]
    public void NonPersonal_WithoutTaxNumber_Passes()
    {
        var data = ValidFile.Primary();
        data.TaxNumber = null;
        Assert.Empty(Validate(data));
    }

    // DSN and DPAE.
    [Fact]
    public void Dsn_SubscribedWithoutSettings_FailsRequiredOnGroup()
    {
        var data = ValidFile.Primary();
        data.Teleprocedures = [Teleprocedure.DSN];
        AssertSingle(Validate(data), ErrorCodes.Required, "Dsn");
    }

    [Fact]
    public void Dpae_SubscribedWithoutSettings_FailsRequiredOnGroup()
    {
        var data = ValidFile.Primary();
        data.Teleprocedures = [Teleprocedure.DPAE];
        AssertSingle(Validate(data), ErrorCodes.Required, "Dpae");
    }

    [Fact]
    public void DsnAndDpae_NotSubscribed_SettingsNotRequired()
    {
        var data = ValidFile.Primary();
        data.Dsn = null;
        data.Dpae = null;
        Assert.Empty(Validate(data));
    }

    [Fact]
    public void DsnAndDpae_NotSubscribed_IncompleteSettingsIgnored()
    {
        var data = ValidFile.Primary();
        data.Dsn = new DsnSettings();
        data.Dpae = new DpaeSettings();
        Assert.Empty(Validate(data));
    }

    [Theory]
    [InlineData("SendSettingsSheet")]
    [InlineData("SendBpijSheet")]
    public void Dsn_SheetChoiceMissing_FailsRequired(string member)
    {
        var data = ValidFile.WithDsnAndDpae(ValidFile.Primary());
        if (member == "SendSettingsSheet")
        {
            data.Dsn!.SendSettingsSheet = null;
        }
        else
        {
            data.Dsn!.SendBpijSheet = null;
        }

        AssertSingle(Validate(data), ErrorCodes.Required, "Dsn." + member);
    }

    [Fact]
    public void Dsn_EmptySettings_ReportsEveryMember()
    {
        var data = ValidFile.WithDsnAndDpae(ValidFile.Primary());
        data.Dsn = new DsnSettings();
        var errors = Validate(data);
        Assert.All(errors, e => Assert.Equal(ErrorCodes.Required, e.Code));
        Assert.Equal(
            ["Dsn.FirstName", "Dsn.LastName", "Dsn.SendBpijSheet", "Dsn.SendSettingsSheet", "Dsn.Siret"],
            errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Dpae_EmptySettings_ReportsEveryMember()
    {
        var data = ValidFile.WithDsnAndDpae(ValidFile.Primary());
        data.Dpae = new DpaeSettings();
        var errors = Validate(data);
        Assert.All(errors, e => Assert.Equal(ErrorCodes.Required, e.Code));
        Assert.Equal(["Dpae.FirstName", "Dpae.LastName", "Dpae.Siret"], errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    // Teleprocedures.
    [Fact]
    public void Teleprocedures_Null_FailsNoTeleprocedure()
    {
        var data = ValidFile.Primary();
        data.Teleprocedures = null;
        AssertSingle(Validate(data), ErrorCodes.NoTeleprocedure, "Teleprocedures");
    }

    [Fact]
    public void Teleprocedures_Empty_FailsNoTeleprocedure()
    {
        var data = ValidFile.Primary();
        data.Teleprocedures = [];
        AssertSingle(Validate(data), ErrorCodes.NoTeleprocedure, "Teleprocedures");
    }

    // VAT number requirement.
    private static PrimaryAccountData WithoutVat(string accountCountry, string? billingCountry)
    {
        var data = ValidFile.Primary();
        data.Address!.Country = accountCountry;
        data.Address.PostalCode = accountCountry == "FR" ? "75001" : "10115";
        data.Billing!.VatNumber = null;
        if (billingCountry is not null)
        {
            data.Billing.Address = new PostalAddress { Country = billingCountry };
        }

        return data;
    }

    [Theory]
    [InlineData("FR", null)]
    [InlineData("DE", null)]
    [InlineData("FR", "DE")]
    [InlineData("CH", "FR")]
    [InlineData("CH", "IT")]
    [InlineData("DE", "")]
    public void Vat_MissingForFranceOrEuBilling_FailsRequired(string accountCountry, string? billingCountry)
    {
        AssertSingle(Validate(WithoutVat(accountCountry, billingCountry)), ErrorCodes.Required, "Billing.VatNumber");
    }

    [Theory]
    [InlineData("CH", null)]
    [InlineData("FR", "CH")]
    [InlineData("DE", "US")]
    [InlineData("GB", null)]
    public void Vat_MissingOutsideEu_Passes(string accountCountry, string? billingCountry)
    {
        Assert.Empty(Validate(WithoutVat(accountCountry, billingCountry)));
    }

    [Fact]
    public void Vat_MissingWithNoBillingGroupAndFrenchAccount_FailsRequired()
    {
        var data = ValidFile.Primary();
        data.Billing = null;
        AssertSingle(Validate(data), ErrorCodes.Required, "Billing.VatNumber");
    }

    // Test environment.
    [Fact]
    public void TestEnvironment_ProductionAccount_FailsInvalidValue()
    {
        var data = ValidFile.Primary();
        data.Test = false;
        AssertSingle(Validate(data, ValidFile.Rules(testEnvironment: true)), ErrorCodes.InvalidValue, "Test");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(true)]
    public void TestEnvironment_TestOrDefault_Passes(bool? test)
    {
        var data = ValidFile.Primary();
        data.Test = test;
        Assert.Empty(Validate(data, ValidFile.Rules(testEnvironment: true)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(true)]
    [InlineData(false)]
    public void ProductionEnvironment_AnyTestFlag_Passes(bool? test)
    {
        var data = ValidFile.Primary();
        data.Test = test;
        Assert.Empty(Validate(data));
    }

    // All errors at once.
    [Fact]
    public void FiveBrokenFields_AllFiveReported()
    {
        var data = ValidFile.Primary();
        data.AccountName = "a.b";
        data.EdiPartnerNumber = "12";
        data.Address!.PostalCode = "7500";
        data.Manager!.Email = "nope";
        data.Billing!.StartDate = "2030-01-01";

        var errors = Validate(data);

        Assert.Equal(5, errors.Count);
        Assert.Contains(errors, e => e is { Field: "AccountName", Code: ErrorCodes.InvalidAccountName });
        Assert.Contains(errors, e => e is { Field: "EdiPartnerNumber", Code: ErrorCodes.InvalidLength });
        Assert.Contains(errors, e => e is { Field: "Address.PostalCode", Code: ErrorCodes.InvalidPostalCode });
        Assert.Contains(errors, e => e is { Field: "Manager.Email", Code: ErrorCodes.InvalidEmail });
        Assert.Contains(errors, e => e is { Field: "Billing.StartDate", Code: ErrorCodes.DateInFuture });
    }
}
