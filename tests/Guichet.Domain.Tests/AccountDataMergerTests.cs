using System.Text.Json;
using Guichet.Domain.Accounts;
using Guichet.Domain.Common;

namespace Guichet.Domain.Tests;

public class AccountDataMergerTests
{
    [Fact]
    public void NullMembers_KeepStoredValues()
    {
        var stored = ValidFile.Primary();

        var (merged, errors) = AccountDataMerger.Merge(stored, new PrimaryAccountData());

        Assert.Empty(errors);
        Assert.Equal(JsonSerializer.Serialize<AccountData>(stored), JsonSerializer.Serialize<AccountData>(merged));
        Assert.NotSame(stored, merged);
    }

    [Fact]
    public void NonEmptyString_ReplacesStoredValue()
    {
        var (merged, errors) = AccountDataMerger.Merge(ValidFile.Primary(), new PrimaryAccountData { CompanyName = "New name" });

        Assert.Empty(errors);
        Assert.Equal("New name", merged.CompanyName);
        Assert.Equal(ValidFile.Siret, merged.Siret);
    }

    [Fact]
    public void EmptyString_ClearsOptionalField()
    {
        var (merged, _) = AccountDataMerger.Merge(ValidFile.Primary(), new PrimaryAccountData { AlertProfile = "" });

        Assert.Null(merged.AlertProfile);
        Assert.Equal("ACME", merged.CompanyName);
    }

    [Fact]
    public void EmptyStringInNestedGroup_ClearsThatMemberOnly()
    {
        var (merged, _) = AccountDataMerger.Merge(ValidFile.Primary(), new PrimaryAccountData { Manager = new AccountManager { Email = "" } });

        Assert.Null(merged.Manager!.Email);
        Assert.Equal("Martin", merged.Manager.LastName);
        Assert.Equal(Civility.MS, merged.Manager.Civility);
    }

    [Fact]
    public void NestedGroup_ChangeOnlyCity_KeepsOtherAddressMembers()
    {
        var (merged, errors) = AccountDataMerger.Merge(ValidFile.Primary(), new PrimaryAccountData { Address = new PostalAddress { City = "Lyon" } });

        Assert.Empty(errors);
        Assert.Equal("Lyon", merged.Address!.City);
        Assert.Equal("1 rue de Rivoli", merged.Address.Street);
        Assert.Equal("75001", merged.Address.PostalCode);
        Assert.Equal("FR", merged.Address.Country);
    }

    [Fact]
    public void NestedGroupAbsentInStored_IsCreatedFromChanges()
    {
        var stored = ValidFile.Primary();
        stored.Dsn = null;

        var (merged, _) = AccountDataMerger.Merge(stored, new PrimaryAccountData { Dsn = new DsnSettings { LastName = "Durand" } });

        Assert.Equal("Durand", merged.Dsn!.LastName);
        Assert.Null(merged.Dsn.Siret);
    }

    [Fact]
    public void List_IsReplacedWhole()
    {
        var stored = ValidFile.Primary();
        stored.Teleprocedures = [Teleprocedure.TVA, Teleprocedure.TDFC];

        var (merged, _) = AccountDataMerger.Merge(stored, new PrimaryAccountData { Teleprocedures = [Teleprocedure.DSN] });

        Assert.Equal([Teleprocedure.DSN], merged.Teleprocedures!);
    }

    [Fact]
    public void NullableValueMember_ReplacedWhenGiven()
    {
        var (merged, _) = AccountDataMerger.Merge(ValidFile.Secondary(), new SecondaryAccountData { Mailbox = false });

        Assert.False(merged.Mailbox);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void TestChanged_FailsNotModifiableAndKeepsStored(bool stored, bool requested)
    {
        var file = ValidFile.Secondary();
        file.Test = stored;

        var (merged, errors) = AccountDataMerger.Merge(file, new SecondaryAccountData { Test = requested });

        var error = Assert.Single(errors);
        Assert.Equal((ErrorCodes.NotModifiable, "Test"), (error.Code, error.Field));
        Assert.Equal(stored, merged.Test);
    }

    [Fact]
    public void TestRepeatedUnchanged_NoError()
    {
        var file = ValidFile.Primary();
        file.Test = true;

        var (merged, errors) = AccountDataMerger.Merge(file, new PrimaryAccountData { Test = true });

        Assert.Empty(errors);
        Assert.True(merged.Test);
    }

    [Fact]
    public void CategoryChanged_FailsNotModifiableAndKeepsStored()
    {
        var (merged, errors) = AccountDataMerger.Merge(ValidFile.Primary(), new PrimaryAccountData { Category = AccountCategory.OGA });

        var error = Assert.Single(errors);
        Assert.Equal(ErrorCodes.NotModifiable, error.Code);
        Assert.Equal("Category", error.Field);
        Assert.Equal(AccountCategory.COMPANY, merged.Category);
    }

    [Fact]
    public void CategoryRepeatedUnchanged_NoError()
    {
        var (_, errors) = AccountDataMerger.Merge(ValidFile.Primary(), new PrimaryAccountData { Category = AccountCategory.COMPANY });

        Assert.Empty(errors);
    }

    [Fact]
    public void BillingStartDateChanged_FailsNotModifiableAndKeepsStored()
    {
        var (merged, errors) = AccountDataMerger.Merge(
            ValidFile.Primary(),
            new PrimaryAccountData { Billing = new BillingInfo { StartDate = "2025-01-01", VatNumber = "DE123456789" } });

        var error = Assert.Single(errors);
        Assert.Equal(ErrorCodes.NotModifiable, error.Code);
        Assert.Equal("Billing.StartDate", error.Field);
        Assert.Equal("2026-01-01", merged.Billing!.StartDate);
        Assert.Equal("DE123456789", merged.Billing.VatNumber);
    }

    [Fact]
    public void BillingStartDateRepeatedUnchanged_NoError()
    {
        var (_, errors) = AccountDataMerger.Merge(ValidFile.Primary(),
            new PrimaryAccountData { Billing = new BillingInfo { StartDate = "2026-01-01" } });

        Assert.Empty(errors);
    }

    [Fact]
    public void AccountNameInChanges_NeverChangesMergedName()
    {
        var (merged, _) = AccountDataMerger.Merge(ValidFile.Primary(), new PrimaryAccountData { AccountName = "other" });
        var (cleared, _) = AccountDataMerger.Merge(ValidFile.Primary(), new PrimaryAccountData { AccountName = "" });

        Assert.Equal("acme-paris", merged.AccountName);
        Assert.Equal("acme-paris", cleared.AccountName);
    }

    [Fact]
    public void Merge_DoesNotMutateStored()
    {
        var stored = ValidFile.Primary();
        var before = JsonSerializer.Serialize<AccountData>(stored);

        AccountDataMerger.Merge(stored, new PrimaryAccountData
        {
            CompanyName = "New",
            AlertProfile = "",
            Address = new PostalAddress { City = "Lyon" },
            Manager = new AccountManager { Email = "" },
            Teleprocedures = [Teleprocedure.DSN],
            Category = AccountCategory.OGA,
            Billing = new BillingInfo { StartDate = "2020-01-01" },
        });

        Assert.Equal(before, JsonSerializer.Serialize<AccountData>(stored));
        Assert.Equal("Paris", stored.Address!.City);
        Assert.Equal("jeanne.martin@example.fr", stored.Manager!.Email);
    }

    [Fact]
    public void PasswordInChanges_CarriedToMerged()
    {
        var (merged, _) = AccountDataMerger.Merge(ValidFile.Primary(), new PrimaryAccountData { Password = "Abcdefgh1!" });

        Assert.Equal("Abcdefgh1!", merged.Password);
    }
}
