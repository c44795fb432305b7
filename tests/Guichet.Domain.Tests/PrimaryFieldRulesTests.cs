using Guichet.Domain.Accounts;
using Guichet.Domain.Common;

namespace Guichet.Domain.Tests;

public class PrimaryFieldRulesTests
{
    private static PrimaryAccountData File() => ValidFile.WithDsnAndDpae(ValidFile.Primary());

    private static IReadOnlyList<Error> Validate(PrimaryAccountData data, AccountRules? rules = null) =>
        AccountDataValidator.ValidatePrimary(data, rules ?? ValidFile.Rules());

    private static IReadOnlyList<Error> ValidateWith(string path, string? value, AccountRules? rules = null)
    {
        var data = File();
        FieldPaths.Set(data, path, value);
        return Validate(data, rules);
    }

    private static void AssertSingle(IReadOnlyList<Error> errors, string code, string field)
    {
        var error = Assert.Single(errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void ValidPrimaryFile_NoError()
    {
        Assert.Empty(Validate(ValidFile.Primary()));
    }

    [Fact]
    public void ValidPrimaryFileWithDsnAndDpae_NoError()
    {
        Assert.Empty(Validate(File()));
    }

    public static TheoryData<string, int> TextFields() => new()
    {
        { "CorporateOfficerName", 40 },
        { "CompanyName", 35 },
        { "OrderNumber", 12 },
        { "AlertProfile", 20 },
        { "Address.Street", 35 },
        { "Address.Complement", 35 },
        { "Address.PostBox", 10 },
        { "Address.City", 35 },
        { "Manager.LastName", 35 },
        { "Manager.FirstName", 35 },
        { "TechnicalContact.Name", 35 },
        { "AdministrativeContact.Name", 35 },
        { "GdprContact.LastName", 35 },
        { "GdprContact.FirstName", 35 },
        { "GdprContact.Function", 35 },
        { "Dsn.LastName", 35 },
        { "Dsn.FirstName", 35 },
        { "Dpae.LastName", 35 },
        { "Dpae.FirstName", 35 },
        { "Billing.Address.Street", 35 },
        { "Billing.Address.Complement", 35 },
        { "Billing.Address.PostBox", 10 },
        { "Billing.Address.City", 35 },
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

    public static TheoryData<string> RequiredFields() => new()
    {
        "AccountName", "SecondaryAccountCount", "Siret", "CompanyName",
        "Address.Street", "Address.City", "Address.PostalCode", "Address.Country",
        "Manager.LastName", "Manager.FirstName", "Manager.Email", "Manager.Phone",
        "GdprContact.LastName", "GdprContact.FirstName", "GdprContact.Function", "GdprContact.Phone", "GdprContact.Email",
        "Dsn.Siret", "Dsn.LastName", "Dsn.FirstName", "Dpae.Siret", "Dpae.LastName", "Dpae.FirstName",
    };

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public void RequiredField_Null_FailsRequired(string path)
    {
        AssertSingle(ValidateWith(path, null), ErrorCodes.Required, path);
    }

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public void RequiredField_Blank_FailsRequired(string path)
    {
        AssertSingle(ValidateWith(path, "   "), ErrorCodes.Required, path);
    }

    public static TheoryData<string> OptionalFields() => new()
    {
        "CorporateOfficerName", "EdiPartnerNumber", "OrderNumber", "TaxNumber", "AlertProfile", "Password",
        "Address.Complement", "Address.PostBox", "Manager.Fax",
        "TechnicalContact.Name", "TechnicalContact.Email", "TechnicalContact.Phone",
        "AdministrativeContact.Name", "AdministrativeContact.Email", "AdministrativeContact.Phone",
        "Billing.StartDate",
    };

    [Theory]
    [MemberData(nameof(OptionalFields))]
    public void OptionalField_Null_Passes(string path)
    {
        Assert.Empty(ValidateWith(path, null));
    }

    [Fact]
    public void Contacts_Absent_Pass()
    {
        var data = File();
        data.TechnicalContact = null;
        data.AdministrativeContact = null;
        Assert.Empty(Validate(data));
    }

    // AccountName.
    [Theory]
    [InlineData(0, 15)]
    [InlineData(3, 12)]
    public void AccountName_AtMaxMinusPrefix_Passes(int prefix, int max)
    {
        Assert.Empty(ValidateWith("AccountName", new string('a', max), ValidFile.Rules(loginPrefixLength: prefix)));
    }

    [Theory]
    [InlineData(0, 15)]
    [InlineData(3, 12)]
    public void AccountName_OnePastMaxMinusPrefix_FailsTooLong(int prefix, int max)
    {
        AssertSingle(ValidateWith("AccountName", new string('a', max + 1), ValidFile.Rules(loginPrefixLength: prefix)), ErrorCodes.TooLong,
            "AccountName");
    }

    [Theory]
    [InlineData("a.b")]
    [InlineData("é")]
    [InlineData("a b")]
    [InlineData("a@b")]
    public void AccountName_ForbiddenCharacter_FailsInvalidAccountName(string name)
    {
        AssertSingle(ValidateWith("AccountName", name), ErrorCodes.InvalidAccountName, "AccountName");
    }

    [Fact]
    public void AccountName_LettersDigitsDashUnderscore_Passes()
    {
        Assert.Empty(ValidateWith("AccountName", "Ab-9_z"));
    }

    // Numeric fields of an exact length.
    [Theory]
    [InlineData("EdiPartnerNumber", 7)]
    [InlineData("TaxNumber", 13)]
    public void ExactDigits_RightLength_Passes(string path, int length)
    {
        Assert.Empty(ValidateWith(path, new string('1', length)));
    }

    [Theory]
    [InlineData("EdiPartnerNumber", 6)]
    [InlineData("EdiPartnerNumber", 8)]
    [InlineData("TaxNumber", 12)]
    [InlineData("TaxNumber", 14)]
    public void ExactDigits_WrongLength_FailsInvalidLength(string path, int length)
    {
        AssertSingle(ValidateWith(path, new string('1', length)), ErrorCodes.InvalidLength, path);
    }

    [Theory]
    [InlineData("EdiPartnerNumber", "12345A7")]
    [InlineData("TaxNumber", "123456789012X")]
    public void ExactDigits_NonDigit_FailsNotNumeric(string path, string value)
    {
        AssertSingle(ValidateWith(path, value), ErrorCodes.NotNumeric, path);
    }

    // SecondaryAccountCount.
    [Theory]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("150")]
    public void SecondaryAccountCount_WithinMaximum_Passes(string value)
    {
        Assert.Empty(ValidateWith("SecondaryAccountCount", value));
    }

    [Fact]
    public void SecondaryAccountCount_AboveWhiteLabelMaximum_FailsOutOfRange()
    {
        AssertSingle(ValidateWith("SecondaryAccountCount", "151"), ErrorCodes.OutOfRange, "SecondaryAccountCount");
    }

    // SecondaryAccountCount in a modification (§4.3.1 "150 maximum").
    [Theory]
    [InlineData("150", 0, 999)]
    [InlineData("3", 3, 150)]
    [InlineData("40", 2, 40)]
    public void AllowanceChange_WithinLimitsAndNotBelowOpened_Passes(string requested, int opened, int whiteLabelMaximum)
    {
        Assert.Empty(AccountDataValidator.ValidateAllowanceChange(requested, opened,
            ValidFile.Rules() with { MaxSecondaryAccounts = whiteLabelMaximum }));
    }

    [Fact]
    public void AllowanceChange_Above150_FailsOutOfRangeEvenWhenTheWhiteLabelAllowsMore()
    {
        AssertSingle(AccountDataValidator.ValidateAllowanceChange("151", 0, ValidFile.Rules() with { MaxSecondaryAccounts = 999 }),
            ErrorCodes.OutOfRange, "SecondaryAccountCount");
    }

    [Fact]
    public void AllowanceChange_BelowTheSecondariesAlreadyOpened_FailsOutOfRange()
    {
        AssertSingle(AccountDataValidator.ValidateAllowanceChange("2", 3, ValidFile.Rules()), ErrorCodes.OutOfRange, "SecondaryAccountCount");
    }

    [Fact]
    public void AllowanceChange_AboveTheWhiteLabelMaximum_IsLeftToTheFileRules()
    {
        var rules = ValidFile.Rules() with { MaxSecondaryAccounts = 40 };
        var file = ValidFile.Primary();
        file.SecondaryAccountCount = "41";

        Assert.Empty(AccountDataValidator.ValidateAllowanceChange("41", 0, rules));
        AssertSingle(Validate(file, rules), ErrorCodes.OutOfRange, "SecondaryAccountCount");
    }

    [Fact]
    public void SecondaryAccountCount_FourDigits_FailsInvalidLength()
    {
        AssertSingle(ValidateWith("SecondaryAccountCount", "0100"), ErrorCodes.InvalidLength, "SecondaryAccountCount");
    }

    [Fact]
    public void SecondaryAccountCount_NotDigits_FailsNotNumeric()
    {
        AssertSingle(ValidateWith("SecondaryAccountCount", "-1"), ErrorCodes.NotNumeric, "SecondaryAccountCount");
    }

    // SIRET.
    [Theory]
    [InlineData("Siret")]
    [InlineData("Dsn.Siret")]
    [InlineData("Dpae.Siret")]
    public void Siret_BadKey_FailsInvalidSiret(string path)
    {
        AssertSingle(ValidateWith(path, "73282932000075"), ErrorCodes.InvalidSiret, path);
    }

    // Addresses.
    [Fact]
    public void PostalCode_ForeignAtSeventeen_Passes()
    {
        var data = File();
        data.Address!.Country = "CH";
        data.Address.PostalCode = new string('1', 17);
        Assert.Empty(Validate(data));
    }

    [Fact]
    public void PostalCode_ForeignAtEighteen_FailsTooLong()
    {
        var data = File();
        data.Address!.Country = "CH";
        data.Address.PostalCode = new string('1', 18);
        AssertSingle(Validate(data), ErrorCodes.TooLong, "Address.PostalCode");
    }

    [Theory]
    [InlineData("7500")]
    [InlineData("750011")]
    [InlineData("75OO1")]
    [InlineData("00100")]
    public void PostalCode_FrenchNotFiveDigits_FailsInvalidPostalCode(string value)
    {
        AssertSingle(ValidateWith("Address.PostalCode", value), ErrorCodes.InvalidPostalCode, "Address.PostalCode");
    }

    [Theory]
    [InlineData("ZZ")]
    [InlineData("FRA")]
    [InlineData("France")]
    [InlineData("fr")]
    public void Country_NotIsoAlpha2_FailsInvalidCountry(string value)
    {
        AssertSingle(ValidateWith("Address.Country", value), ErrorCodes.InvalidCountry, "Address.Country");
    }

    // Password.
    [Theory]
    [InlineData("Abcdefgh1!")]
    [InlineData("Abcdefghijklmnopq1!x")]
    public void Password_TenToTwentyWithAllClasses_Passes(string value)
    {
        Assert.Empty(ValidateWith("Password", value));
    }

    [Theory]
    [InlineData("Abcdefg1!")]
    [InlineData("Abcdefghijklmnopq1!xy")]
    [InlineData("abcdefgh1!")]
    [InlineData("ABCDEFGH1!")]
    [InlineData("Abcdefghi!")]
    [InlineData("Abcdefgh12")]
    [InlineData("Abcd efgh1!")]
    public void Password_BadLengthOrMissingClass_FailsWeakPassword(string value)
    {
        AssertSingle(ValidateWith("Password", value), ErrorCodes.WeakPassword, "Password");
    }

    [Fact]
    public void Password_Empty_PassesAsNoPassword()
    {
        // §2.4: an empty password means "generate one"; the SOAP layer reads <Password/> as "".
        Assert.Empty(ValidateWith("Password", string.Empty));
    }

    [Theory]
    [InlineData("sso:Abcdef1!")]
    [InlineData("sso:191028:1701:Abc")]
    public void Password_StartingWithSsoPrefix_FailsReservedPasswordPrefix(string value)
    {
        AssertSingle(ValidateWith("Password", value), ErrorCodes.ReservedPasswordPrefix, "Password");
    }

    [Fact]
    public void Password_WithSsoElsewhere_Passes()
    {
        Assert.Empty(ValidateWith("Password", "Mysso:Pass1"));
    }

    [Fact]
    public void Password_WithApostrophe_FailsWeakPassword()
    {
        AssertSingle(ValidateWith("Password", "Abcdefgh1!'"), ErrorCodes.WeakPassword, "Password");
    }

    // E-mails.
    public static TheoryData<string> EmailFields() => new()
    {
        "Manager.Email", "GdprContact.Email", "TechnicalContact.Email", "AdministrativeContact.Email",
    };

    private static string EmailOfLength(int length) => new string('a', length - "@example.fr".Length) + "@example.fr";

    [Theory]
    [MemberData(nameof(EmailFields))]
    public void Email_At250_Passes(string path)
    {
        Assert.Empty(ValidateWith(path, EmailOfLength(250)));
    }

    [Theory]
    [MemberData(nameof(EmailFields))]
    public void Email_At251_FailsTooLong(string path)
    {
        AssertSingle(ValidateWith(path, EmailOfLength(251)), ErrorCodes.TooLong, path);
    }

    [Theory]
    [MemberData(nameof(EmailFields))]
    public void Email_Malformed_FailsInvalidEmail(string path)
    {
        AssertSingle(ValidateWith(path, "jeanne.example.fr"), ErrorCodes.InvalidEmail, path);
    }

    // Phones.
    public static TheoryData<string> PhoneFields() => new()
    {
        "Manager.Phone", "Manager.Fax", "GdprContact.Phone", "TechnicalContact.Phone", "AdministrativeContact.Phone",
    };

    [Theory]
    [MemberData(nameof(PhoneFields))]
    public void Phone_EightAndFifteenDigits_Pass(string path)
    {
        Assert.Empty(ValidateWith(path, "12345678"));
        Assert.Empty(ValidateWith(path, "+" + new string('1', 15)));
    }

    [Theory]
    [MemberData(nameof(PhoneFields))]
    public void Phone_SevenDigits_FailsInvalidPhone(string path)
    {
        AssertSingle(ValidateWith(path, "+1234567"), ErrorCodes.InvalidPhone, path);
    }

    [Theory]
    [MemberData(nameof(PhoneFields))]
    public void Phone_SixteenDigits_FailsInvalidPhone(string path)
    {
        AssertSingle(ValidateWith(path, new string('1', 16)), ErrorCodes.InvalidPhone, path);
    }

    [Theory]
    [MemberData(nameof(PhoneFields))]
    public void Phone_AsFrenchPeopleTypeIt_Passes(string path)
    {
        Assert.Empty(ValidateWith(path, "01 40 00 00 00"));
        Assert.Empty(ValidateWith(path, "01.40.00.00.00"));
        Assert.Empty(ValidateWith(path, "+33 1 40 00 00 00"));
        Assert.Empty(ValidateWith(path, "01-40-00-00-00"));
    }

    [Theory]
    [MemberData(nameof(PhoneFields))]
    public void Phone_OtherSeparatorsOrDoubled_FailsInvalidPhone(string path)
    {
        AssertSingle(ValidateWith(path, "01/40/00/00/00"), ErrorCodes.InvalidPhone, path);
        AssertSingle(ValidateWith(path, "01  40 00 00 00"), ErrorCodes.InvalidPhone, path);
    }

    [Fact]
    public void NormalizePhoneNumbers_StoresDigitsWithTheirPlus()
    {
        var file = ValidFile.Primary();
        file.Manager!.Phone = "01 40 00 00 00";
        file.Manager.Fax = "01.40.00.00.01";
        file.TechnicalContact!.Phone = "+33 1 40 00 00 02";
        file.AdministrativeContact!.Phone = "01-40-00-00-03";
        file.GdprContact!.Phone = " 01 40 00 00 04 ";

        file.NormalizePhoneNumbers();

        Assert.Equal(
            ["0140000000", "0140000001", "+33140000002", "0140000003", "0140000004"],
            new[] { file.Manager.Phone, file.Manager.Fax, file.TechnicalContact.Phone, file.AdministrativeContact.Phone, file.GdprContact.Phone });
    }

    // Groups and enum values.
    [Fact]
    public void Civility_Missing_FailsRequired()
    {
        var data = File();
        data.Manager!.Civility = null;
        AssertSingle(Validate(data), ErrorCodes.Required, "Manager.Civility");
    }

    [Fact]
    public void Category_Missing_FailsRequired()
    {
        var data = File();
        data.Category = null;
        AssertSingle(Validate(data), ErrorCodes.Required, "Category");
    }

    [Theory]
    [InlineData("Address")]
    [InlineData("Manager")]
    [InlineData("GdprContact")]
    public void RequiredGroup_Missing_FailsRequiredOnGroup(string group)
    {
        var data = File();
        switch (group)
        {
            case "Address": data.Address = null; break;
            case "Manager": data.Manager = null; break;
            default: data.GdprContact = null; break;
        }

        var errors = Validate(data);
        Assert.Contains(errors, e => e.Code == ErrorCodes.Required && e.Field == group);
        Assert.DoesNotContain(errors, e => e.Field is not null && e.Field.StartsWith(group + ".", StringComparison.Ordinal));
    }

    // Billing.
    [Theory]
    [InlineData("2026-11-23")]
    [InlineData("2000-02-29")]
    public void BillingStartDate_TodayOrPast_Passes(string value)
    {
        Assert.Empty(ValidateWith("Billing.StartDate", value));
    }

    [Theory]
    [InlineData("2026-11-24")]
    [InlineData("2027-01-01")]
    public void BillingStartDate_AfterToday_FailsDateInFuture(string value)
    {
        AssertSingle(ValidateWith("Billing.StartDate", value), ErrorCodes.DateInFuture, "Billing.StartDate");
    }

    [Theory]
    [InlineData("23/11/2026")]
    [InlineData("2026-2-01")]
    [InlineData("2026-02-30")]
    [InlineData("20261101")]
    public void BillingStartDate_NotIsoDate_FailsInvalidDate(string value)
    {
        AssertSingle(ValidateWith("Billing.StartDate", value), ErrorCodes.InvalidDate, "Billing.StartDate");
    }

    [Theory]
    [InlineData("RO12")]
    [InlineData("NL123456789B01")]
    [InlineData(ValidFile.FrenchVat)]
    [InlineData("FRK7399859412")]
    public void VatNumber_FourToFourteenWellFormed_Passes(string value)
    {
        Assert.Empty(ValidateWith("Billing.VatNumber", value));
    }

    [Theory]
    [InlineData("RO1")]
    [InlineData("NL123456789B012")]
    public void VatNumber_OutsideFourToFourteen_FailsInvalidLength(string value)
    {
        AssertSingle(ValidateWith("Billing.VatNumber", value), ErrorCodes.InvalidLength, "Billing.VatNumber");
    }

    [Theory]
    [InlineData("FR41303265045")]
    [InlineData("FRK8399859412")]
    [InlineData("XX123456789")]
    [InlineData("DE12345678")]
    public void VatNumber_Malformed_FailsInvalidVatNumber(string value)
    {
        AssertSingle(ValidateWith("Billing.VatNumber", value), ErrorCodes.InvalidVatNumber, "Billing.VatNumber");
    }

    [Fact]
    public void OrderNumber_NotAlphanumeric_FailsInvalidValue()
    {
        AssertSingle(ValidateWith("OrderNumber", "AB-12"), ErrorCodes.InvalidValue, "OrderNumber");
    }

    [Fact]
    public void BillingCountry_NotIsoAlpha2_FailsInvalidCountryOnBillingAddress()
    {
        var data = File();
        data.Billing!.Address = new PostalAddress { Country = "ZZ" };
        AssertSingle(Validate(data), ErrorCodes.InvalidCountry, "Billing.Address.Country");
    }

    [Fact]
    public void VatNumber_LowerCasePrefix_FailsInvalidVatNumber()
    {
        AssertSingle(ValidateWith("Billing.VatNumber", "fr40303265045"), ErrorCodes.InvalidVatNumber, "Billing.VatNumber");
    }
}
