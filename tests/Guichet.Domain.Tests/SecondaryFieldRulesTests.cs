using Guichet.Domain.Accounts;
using Guichet.Domain.Common;

namespace Guichet.Domain.Tests;

public class SecondaryFieldRulesTests
{
    private static SecondaryAccountData File() => ValidFile.WithDsnAndDpae(ValidFile.Secondary());

    private static IReadOnlyList<Error> Validate(
        SecondaryAccountData data, AccountCategory category = AccountCategory.COMPANY, AccountRules? rules = null) =>
        AccountDataValidator.ValidateSecondary(data, category, rules ?? ValidFile.Rules());

    private static IReadOnlyList<Error> ValidateWith(string path, string? value)
    {
        var data = File();
        FieldPaths.Set(data, path, value);
        return Validate(data);
    }

    private static void AssertSingle(IReadOnlyList<Error> errors, string code, string field)
    {
        var error = Assert.Single(errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void ValidSecondaryFile_NoError()
    {
        Assert.Empty(Validate(ValidFile.Secondary()));
        Assert.Empty(Validate(File()));
    }

    public static TheoryData<string, int> TextFields() => new()
    {
        { "CorporateOfficerName", 40 },
        { "CompanyName", 35 },
        { "AlertProfile", 20 },
        { "Address.Street", 35 },
        { "Address.Complement", 35 },
        { "Address.PostBox", 10 },
        { "Address.City", 35 },
        { "Manager.LastName", 35 },
        { "Manager.FirstName", 35 },
        { "TechnicalContact.Name", 35 },
        { "GdprContact.Function", 35 },
        { "Dsn.LastName", 35 },
        { "Dpae.FirstName", 35 },
    };

    [Theory]
    [MemberData(nameof(TextFields))]
    public void TextField_AtMaxLength_Passes(string path, int max)
    {
        Assert.Empty(ValidateWith(path, new string('A', max)));
    }

    [Theory]
    [MemberData(nameof(TextFields))]
    public void TextField_OnePastMaxLength_FailsTooLong(string path, int max)
    {
        AssertSingle(ValidateWith(path, new string('A', max + 1)), ErrorCodes.TooLong, path);
    }

    [Theory]
    [InlineData("AccountName")]
    [InlineData("Siret")]
    [InlineData("CompanyName")]
    [InlineData("Address.PostalCode")]
    [InlineData("Manager.Phone")]
    [InlineData("GdprContact.Email")]
    [InlineData("Dsn.Siret")]
    [InlineData("Dpae.LastName")]
    public void RequiredField_Missing_FailsRequired(string path)
    {
        AssertSingle(ValidateWith(path, null), ErrorCodes.Required, path);
    }

    [Theory]
    [InlineData("EdiPartnerNumber", "123456", ErrorCodes.InvalidLength)]
    [InlineData("EdiPartnerNumber", "12345X7", ErrorCodes.NotNumeric)]
    [InlineData("Siret", "73282932000075", ErrorCodes.InvalidSiret)]
    [InlineData("Dsn.Siret", "1234", ErrorCodes.InvalidSiret)]
    [InlineData("Address.PostalCode", "750", ErrorCodes.InvalidPostalCode)]
    [InlineData("Address.Country", "XX", ErrorCodes.InvalidCountry)]
    [InlineData("Manager.Email", "a@b", ErrorCodes.InvalidEmail)]
    [InlineData("Manager.Phone", "1234567", ErrorCodes.InvalidPhone)]
    [InlineData("Password", "password", ErrorCodes.WeakPassword)]
    [InlineData("TaxNumber", "123", ErrorCodes.InvalidLength)]
    public void FieldFormat_Broken_FailsWithCodeOnField(string path, string value, string code)
    {
        AssertSingle(ValidateWith(path, value), code, path);
    }

    [Fact]
    public void AccountName_FifteenEvenWithLoginPrefix_Passes()
    {
        var data = File();
        data.AccountName = new string('a', 15);
        Assert.Empty(Validate(data, rules: ValidFile.Rules(loginPrefixLength: 3)));
    }

    [Fact]
    public void AccountName_Sixteen_FailsTooLong()
    {
        var data = File();
        data.AccountName = new string('a', 16);
        AssertSingle(Validate(data, rules: ValidFile.Rules(loginPrefixLength: 3)), ErrorCodes.TooLong, "AccountName");
    }

    [Theory]
    [InlineData("a.b")]
    [InlineData("é")]
    public void AccountName_ForbiddenCharacter_FailsInvalidAccountName(string name)
    {
        AssertSingle(ValidateWith("AccountName", name), ErrorCodes.InvalidAccountName, "AccountName");
    }

    [Theory]
    [InlineData(AccountCategory.PUBLIC_ACCOUNTANT)]
    [InlineData(AccountCategory.OGA)]
    [InlineData(AccountCategory.COMPANY)]
    [InlineData(AccountCategory.GPA)]
    public void NoOrderNumberNoBillingNoVat_InEuCountry_Passes(AccountCategory category)
    {
        var data = File();
        data.Address!.Country = "DE";
        data.Address.PostalCode = "10115";
        Assert.Empty(Validate(data, category));
    }

    [Fact]
    public void PersonalCategory_WithoutTaxNumber_FailsRequired()
    {
        var data = File();
        data.Siret = null;
        data.CompanyName = null;
        AssertSingle(Validate(data, AccountCategory.PERSONNAL), ErrorCodes.Required, "TaxNumber");
    }

    [Fact]
    public void PersonalCategory_WithTaxNumberWithoutSiret_Passes()
    {
        var data = File();
        data.Siret = null;
        data.CompanyName = null;
        data.TaxNumber = "1234567890123";
        Assert.Empty(Validate(data, AccountCategory.PERSONNAL));
    }

    [Fact]
    public void NoTeleprocedure_FailsNoTeleprocedure()
    {
        var data = ValidFile.Secondary();
        data.Teleprocedures = [];
        AssertSingle(Validate(data), ErrorCodes.NoTeleprocedure, "Teleprocedures");
    }

    [Fact]
    public void TestEnvironment_ProductionAccount_FailsInvalidValue()
    {
        var data = File();
        data.Test = false;
        AssertSingle(Validate(data, rules: ValidFile.Rules(testEnvironment: true)), ErrorCodes.InvalidValue, "Test");
    }
}
