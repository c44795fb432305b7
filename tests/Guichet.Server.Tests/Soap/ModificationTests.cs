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
            Dsn = new DsnSettings { Siret = "73282932000074", LastName = "Martin", FirstName = "Claire", SendSettingsSheet = true, SendBpijSheet = false },
        });

        Assert.Equal(AccountState.REGISTERED, result.State);
        var data = (Guichet.Domain.Accounts.PrimaryAccountData)(await server.InDbAsync(db => db.Accounts.SingleAsync(a => a.Login == primary.Login))).Data!;
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

        await tenant.As(primary.Login, primary.Password).ModifyPrimaryAccountAsync(new PrimaryAccountData { AccountName = primary.Login, Password = "Nouveau-Pass9" });

        Assert.Equal(AccountState.REGISTERED, (await tenant.As(primary.Login, "Nouveau-Pass9").GetAccountStateAsync(primary.Login)).State);
        var fault = await Faults.CatchAsync(() => tenant.As(primary.Login, primary.Password).GetAccountStateAsync(primary.Login));
        Assert.Equal(ErrorCodes.UserAuthenticationFailed, fault.Code);
    }

    [Fact]
    public async Task ModifySecondary_ByItself_ChangesMailboxWish()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisteredPrimaryAsync();
        var secondary = await tenant.RegisteredSecondaryAsync(primary);

        await tenant.As(secondary.Login, secondary.Password).ModifySecondaryAccountAsync(new SecondaryAccountData { AccountName = secondary.Login, Mailbox = false, CompanyName = "Agence Lyon" });

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

        var fault = await Faults.CatchAsync(() => client.ModifySecondaryAccountAsync(new SecondaryAccountData { AccountName = secondary.Login, Mailbox = true }));
        await client.ModifySecondaryAccountAsync(new SecondaryAccountData { AccountName = secondary.Login, Mailbox = true, Password = "Boite-Mail42" });

        Assert.Contains(fault.Errors, e => e is { Field: "Password", Code: ErrorCodes.Required });
        var stored = await server.InDbAsync(db => db.Accounts.SingleAsync(a => a.Login == secondary.Login));
        Assert.Equal($"{secondary.Login}@{tenant.Credentials.WhiteLabel.MailDomain}", stored.Mailbox);
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

        var refused = await Faults.CatchAsync(() => client.ModifyPrimaryAccountAsync(new PrimaryAccountData { AccountName = primary.Login, CompanyName = "X" }));
        await client.ModifyPrimaryAccountAsync(new PrimaryAccountData { AccountName = primary.Login, Password = "Renouvele-Pass1" });

        Assert.Equal(ErrorCodes.PasswordExpired, refused.Code);
        Assert.Equal(AccountState.REGISTERED, (await tenant.As(primary.Login, "Renouvele-Pass1").GetAccountStateAsync(primary.Login)).State);
    }
}

public sealed class ModificationTestsOnSqlite(SqliteServerFixture server) : ModificationTests(server), IClassFixture<SqliteServerFixture>;

public sealed class ModificationTestsOnPostgres(PostgresServerFixture server) : ModificationTests(server), IClassFixture<PostgresServerFixture>;
