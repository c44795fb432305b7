using Guichet.Domain.Common;
using Guichet.Server.Soap.Contract;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.Soap;

/// <summary>modifyPrimaryAccount and modifySecondaryAccount (seed 004 §4).</summary>
public abstract class ModificationTests(GuichetServer server)
{
    [Fact]
    public async Task ModifyPrimary_SomeFields_ChangesThemAndKeepsTheRest()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisteredPrimaryAsync();

        var result = await tenant.As(primary.Login, primary.Password).ModifyPrimaryAccountAsync(new PrimaryAccountData
        {
            AccountName = primary.Login,
            CompanyName = "Nouvelle raison sociale",
            Address = new PostalAddress { City = "Marseille", PostalCode = "13001" },
            Teleprocedures = [Teleprocedure.DSN],
            Dsn = new DsnSettings
            {
                Siret = "73282932000074",
                LastName = "Martin",
                FirstName = "Claire",
                SendSettingsSheet = true,
                SendBpijSheet = false,
            },
        });

        Assert.Equal(AccountState.REGISTERED, result.State);
        var data = (Guichet.Domain.Accounts.PrimaryAccountData)
            (await server.InDbAsync(db => db.Accounts.SingleAsync(a => a.Login == primary.Login))).Data!;
        Assert.Equal("Nouvelle raison sociale", data.CompanyName);
        Assert.Equal("Marseille", data.Address!.City);
        Assert.Equal("1 rue de la Paix", data.Address.Street);
        Assert.Equal([Guichet.Domain.Accounts.Teleprocedure.DSN], data.Teleprocedures);
        Assert.Equal("claire.martin@example.fr", data.Manager!.Email);
    }

    [Fact]
    public async Task ModifyPrimary_InvalidAndNotModifiable_ListsEveryErrorAndChangesNothing()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisteredPrimaryAsync();
        var before = await server.InDbAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.Login == primary.Login));

        var fault = await Faults.CatchAsync(() => tenant.Admin.ModifyPrimaryAccountAsync(new PrimaryAccountData
        {
            AccountName = primary.Login,
            Category = AccountCategory.OGA,
            CompanyName = new string('x', 36),
            Teleprocedures = [Teleprocedure.DPAE],
        }));

        Assert.Equal(ErrorCodes.ValidationFailed, fault.Code);
        Assert.Contains(fault.Errors, e => e is { Field: "Category", Code: ErrorCodes.NotModifiable });
        Assert.Contains(fault.Errors, e => e is { Field: "CompanyName", Code: ErrorCodes.TooLong });
        Assert.Contains(fault.Errors, e => e is { Field: "Dpae", Code: ErrorCodes.Required });
        var after = await server.InDbAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.Login == primary.Login));
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task ModifyPrimary_NewPassword_OldStopsWorkingNewWorks()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisteredPrimaryAsync();

        await tenant.As(primary.Login, primary.Password)
            .ModifyPrimaryAccountAsync(new PrimaryAccountData { AccountName = primary.Login, Password = "Nouveau-Pass9" });

        Assert.Equal(AccountState.REGISTERED, (await tenant.As(primary.Login, "Nouveau-Pass9").GetAccountStateAsync(primary.Login)).State);
        var fault = await Faults.CatchAsync(() => tenant.As(primary.Login, primary.Password).GetAccountStateAsync(primary.Login));
        Assert.Equal(ErrorCodes.UserAuthenticationFailed, fault.Code);
    }

    [Fact]
    public async Task ModifyPrimary_EmptyPasswordElement_KeepsTheCurrentPassword()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisteredPrimaryAsync();
        var client = tenant.As(primary.Login, primary.Password);

        await client.ModifyPrimaryAccountAsync(
            new PrimaryAccountData { AccountName = primary.Login, Password = string.Empty, CompanyName = "Autre" });

        Assert.Equal(AccountState.REGISTERED, (await client.GetAccountStateAsync(primary.Login)).State);
        Assert.Equal("Autre", (await server.InDbAsync(db => db.Accounts.SingleAsync(a => a.Login == primary.Login))).Data!.CompanyName);
    }

    [Fact]
    public async Task ModifyPrimary_PasswordStartingWithSso_FaultsAndChangesNothing()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisteredPrimaryAsync();
        var before = await server.InDbAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.Login == primary.Login));

        var fault = await Faults.CatchAsync(() => tenant.As(primary.Login, primary.Password)
            .ModifyPrimaryAccountAsync(new PrimaryAccountData { AccountName = primary.Login, Password = "sso:Abcdef1!" }));

        var error = Assert.Single(fault.Errors);
        Assert.Equal(("Password", ErrorCodes.ReservedPasswordPrefix), (error.Field, error.Code));
        var after = await server.InDbAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.Login == primary.Login));
        Assert.Equal((before.Version, before.PasswordHash), (after.Version, after.PasswordHash));
    }

    [Fact]
    public async Task ModifyRegisteredPrimary_UpdatesItsSubscriptionsAndPed_AndItsSecondariesInheritThePed()
    {
        var tenant = await Tenant.CreateAsync(server);
        var file = SampleFiles.Primary();
        file.EdiPartnerNumber = "1234567";
        var primary = await tenant.RegisteredPrimaryAsync(file);
        var secondary = await tenant.RegisteredSecondaryAsync(primary);

        await tenant.As(primary.Login, primary.Password).ModifyPrimaryAccountAsync(new PrimaryAccountData
        {
            AccountName = primary.Login,
            EdiPartnerNumber = "2345678",
            Teleprocedures = [Teleprocedure.TDFC, Teleprocedure.IR],
        });

        var stored = await server.InDbAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.Login == primary.Login));
        var storedSecondary = await server.InDbAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.Login == secondary.Login));
        Assert.Equal(("TDFC,IR", "2345678"), (stored.Subscriptions, stored.EdiPartnerNumber));
        Assert.Equal("2345678", storedSecondary.EdiPartnerNumber);
    }

    [Fact]
    public async Task ModifyRegisteredSecondary_UpdatesSubscriptionsAndMailbox_ItsOwnPedHasNoEffect()
    {
        var tenant = await Tenant.CreateAsync(server, w => w with { Settings = w.Settings with { DefaultEdiPartnerNumber = "7777777" } });
        var primary = await tenant.RegisteredPrimaryAsync();
        var secondary = await tenant.RegisteredSecondaryAsync(primary);

        await tenant.As(primary.Login, primary.Password).ModifySecondaryAccountAsync(new SecondaryAccountData
        {
            AccountName = secondary.Login,
            EdiPartnerNumber = "1111111",
            Mailbox = false,
            Teleprocedures = [Teleprocedure.TDFC],
        });

        var stored = await server.InDbAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.Login == secondary.Login));
        Assert.Equal(("TDFC", null, "7777777"), (stored.Subscriptions, stored.Mailbox, stored.EdiPartnerNumber));
        Assert.Equal("1111111", stored.Data!.EdiPartnerNumber);
    }

    [Fact]
    public async Task ModifyPrimary_AllowanceBelowItsSecondaries_FaultsAndChangesNothing()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisteredPrimaryAsync();
        var client = tenant.As(primary.Login, primary.Password);
        await client.RegisterSecondaryAccountAsync(SampleFiles.Secondary());
        await client.RegisterSecondaryAccountAsync(SampleFiles.Secondary());

        var fault = await Faults.CatchAsync(() =>
            client.ModifyPrimaryAccountAsync(new PrimaryAccountData { AccountName = primary.Login, SecondaryAccountCount = "1" }));
        await client.ModifyPrimaryAccountAsync(new PrimaryAccountData { AccountName = primary.Login, SecondaryAccountCount = "2" });

        var error = Assert.Single(fault.Errors);
        Assert.Equal(("SecondaryAccountCount", ErrorCodes.OutOfRange), (error.Field, error.Code));
        Assert.Equal(2, (await server.InDbAsync(db => db.Accounts.SingleAsync(a => a.Login == primary.Login))).SecondaryAllowance);
    }

    [Fact]
    public async Task ModifyPrimary_AllowanceAbove150_FaultsEvenWhenTheWhiteLabelAllowsMore()
    {
        var tenant = await Tenant.CreateAsync(server, w => w with { Settings = w.Settings with { MaxSecondaryAccounts = 999 } });
        var file = SampleFiles.Primary();
        file.SecondaryAccountCount = "300";
        var primary = await tenant.RegisteredPrimaryAsync(file);
        var client = tenant.As(primary.Login, primary.Password);

        var fault = await Faults.CatchAsync(() =>
            client.ModifyPrimaryAccountAsync(new PrimaryAccountData { AccountName = primary.Login, SecondaryAccountCount = "151" }));
        await client.ModifyPrimaryAccountAsync(new PrimaryAccountData { AccountName = primary.Login, SecondaryAccountCount = "150" });

        var error = Assert.Single(fault.Errors);
        Assert.Equal(("SecondaryAccountCount", ErrorCodes.OutOfRange), (error.Field, error.Code));
        Assert.Equal(150, (await server.InDbAsync(db => db.Accounts.SingleAsync(a => a.Login == primary.Login))).SecondaryAllowance);
    }

    [Fact]
    public async Task ModifyPrimary_TestFlagChanged_FaultsNotModifiable_RepeatedUnchangedPasses()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisteredPrimaryAsync();
        var before = await server.InDbAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.Login == primary.Login));

        var fault = await Faults.CatchAsync(() =>
            tenant.Admin.ModifyPrimaryAccountAsync(new PrimaryAccountData { AccountName = primary.Login, Test = true }));
        var unchanged = await Record.ExceptionAsync(() =>
            tenant.Admin.ModifyPrimaryAccountAsync(new PrimaryAccountData { AccountName = primary.Login, Test = false }));

        var error = Assert.Single(fault.Errors);
        Assert.Equal(("Test", ErrorCodes.NotModifiable), (error.Field, error.Code));
        Assert.Null(unchanged);
        var after = await server.InDbAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.Login == primary.Login));
        Assert.False(before.IsTest);
        Assert.Equal((false, false), (after.IsTest, after.Data!.Test));
    }

    [Fact]
    public async Task ModifySecondary_OfATestPrimary_CannotBecomeReal()
    {
        var tenant = await Tenant.CreateAsync(server);
        var file = SampleFiles.Primary();
        file.Test = true;
        var primary = await tenant.RegisteredPrimaryAsync(file);
        var secondary = await tenant.RegisteredSecondaryAsync(primary);

        var fault = await Faults.CatchAsync(() =>
            tenant.Admin.ModifySecondaryAccountAsync(new SecondaryAccountData { AccountName = secondary.Login, Test = false }));

        Assert.Contains(fault.Errors, e => e is { Field: "Test", Code: ErrorCodes.NotModifiable });
        var stored = await server.InDbAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.Login == secondary.Login));
        Assert.Equal((true, true), (stored.IsTest, stored.Data!.Test));
    }

    [Fact]
    public async Task ModifySecondary_PhoneAsFrenchPeopleTypeIt_IsStoredAsDigits()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisteredPrimaryAsync();
        var secondary = await tenant.RegisteredSecondaryAsync(primary);

        await tenant.As(secondary.Login, secondary.Password).ModifySecondaryAccountAsync(new SecondaryAccountData
        {
            AccountName = secondary.Login,
            Manager = new AccountManager { Phone = "+33 4 72 00 00 01" },
        });

        var data = (await server.InDbAsync(db => db.Accounts.SingleAsync(a => a.Login == secondary.Login))).Data!;
        Assert.Equal("+33472000001", data.Manager!.Phone);
    }

    [Fact]
    public async Task ModifySecondary_ByItself_ChangesMailboxWish()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisteredPrimaryAsync();
        var secondary = await tenant.RegisteredSecondaryAsync(primary);

        await tenant.As(secondary.Login, secondary.Password)
            .ModifySecondaryAccountAsync(new SecondaryAccountData { AccountName = secondary.Login, Mailbox = false, CompanyName = "Agence Lyon" });

        var stored = await server.InDbAsync(db => db.Accounts.SingleAsync(a => a.Login == secondary.Login));
        Assert.False(stored.WantsMailbox);
        Assert.Equal("Agence Lyon", stored.Data!.CompanyName);
    }

    [Fact]
    public async Task ModifySecondary_OpeningAMailboxOnAnOpenAccount_NeedsANewPassword()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisteredPrimaryAsync();
        var file = SampleFiles.Secondary();
        file.Mailbox = false;
        var secondary = await tenant.RegisteredSecondaryAsync(primary, file);
        var client = tenant.As(primary.Login, primary.Password);

        var fault = await Faults.CatchAsync(() =>
            client.ModifySecondaryAccountAsync(new SecondaryAccountData { AccountName = secondary.Login, Mailbox = true }));
        await client.ModifySecondaryAccountAsync(
            new SecondaryAccountData { AccountName = secondary.Login, Mailbox = true, Password = "Boite-Mail42" });

        Assert.Contains(fault.Errors, e => e is { Field: "Password", Code: ErrorCodes.Required });
        var stored = await server.InDbAsync(db => db.Accounts.SingleAsync(a => a.Login == secondary.Login));
        Assert.Equal($"{secondary.Login}@{tenant.Credentials.WhiteLabel.MailDomain}", stored.Mailbox);
    }

    [Fact]
    public async Task ModifySecondary_OpeningAMailboxOnAClosedAccount_NeedsANewPassword()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisteredPrimaryAsync();
        var file = SampleFiles.Secondary();
        file.Mailbox = false;
        var secondary = await tenant.RegisteredSecondaryAsync(primary, file);
        var client = tenant.As(primary.Login, primary.Password);
        Assert.Equal(AccountState.CLOSED, (await client.ChangeAccountStatusAsync(secondary.Login, AccountAction.DISABLE)).State);

        var fault = await Faults.CatchAsync(() =>
            client.ModifySecondaryAccountAsync(new SecondaryAccountData { AccountName = secondary.Login, Mailbox = true }));

        Assert.Contains(fault.Errors, e => e is { Field: "Password", Code: ErrorCodes.Required });
        Assert.Null(await server.InDbAsync(db => db.Accounts.Where(a => a.Login == secondary.Login).Select(a => a.Mailbox).SingleAsync()));
    }

    [Fact]
    public async Task ModifyPrimary_NamingASecondary_FaultsNotFound()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisteredPrimaryAsync();
        var secondary = await tenant.RegisteredSecondaryAsync(primary);

        var fault = await Faults.CatchAsync(() => tenant.Admin.ModifyPrimaryAccountAsync(new PrimaryAccountData { AccountName = secondary.Login }));

        Assert.Equal(ErrorCodes.AccountNotFound, fault.Code);
    }

    [Fact]
    public async Task ExpiredPassword_OnlyAllowsSettingANewOne()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisteredPrimaryAsync();
        await server.InDbAsync(db => db.Accounts.Where(a => a.Login == primary.Login)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.PasswordChangedAt, DateTimeOffset.UtcNow.AddDays(-600))));
        var client = tenant.As(primary.Login, primary.Password);

        var refused = await Faults.CatchAsync(() =>
            client.ModifyPrimaryAccountAsync(new PrimaryAccountData { AccountName = primary.Login, CompanyName = "X" }));
        await client.ModifyPrimaryAccountAsync(new PrimaryAccountData { AccountName = primary.Login, Password = "Renouvele-Pass1" });

        Assert.Equal(ErrorCodes.PasswordExpired, refused.Code);
        Assert.Equal(AccountState.REGISTERED, (await tenant.As(primary.Login, "Renouvele-Pass1").GetAccountStateAsync(primary.Login)).State);
    }
}

public sealed class ModificationTestsOnSqlite(SqliteServerFixture server) : ModificationTests(server), IClassFixture<SqliteServerFixture>;

public sealed class ModificationTestsOnPostgres(PostgresServerFixture server) : ModificationTests(server), IClassFixture<PostgresServerFixture>;
