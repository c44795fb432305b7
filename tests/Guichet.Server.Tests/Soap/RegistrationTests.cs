using Guichet.Application.Accounts;
using Guichet.Data;
using Guichet.Domain.Common;
using Guichet.Identifiers;
using Guichet.Server.Soap;
using Guichet.Server.Soap.Contract;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Server.Tests.Soap;

/// <summary>
/// registerPrimaryAccount and registerSecondaryAccount through WCF, on both providers; what a client cannot make happen
/// on demand (two calls meeting inside their hash, a hash not spent) on their use cases.
/// </summary>
public abstract class RegistrationTests(GuichetServer server)
{
    [Fact]
    public async Task RegisterPrimary_ValidFile_ReturnsFolderLoginAndGeneratedPassword()
    {
        var tenant = await Tenant.CreateAsync(server);
        var file = SampleFiles.Primary();

        var result = await tenant.RegisterPrimaryAsync(file);

        Assert.Equal(file.AccountName!.ToLowerInvariant(), result.Login);
        Assert.Matches("^D[0-9]{8}-[A-Z2-9]{6}$", result.FolderNumber);
        Assert.Equal(12, result.Password.Length);
        Assert.Empty(PasswordPolicy.Registering.Check(result.Password));
        Assert.Equal(AccountState.WAIT_FOR_FILES, result.State);
        Assert.Equal(AccountState.WAIT_FOR_FILES, (await tenant.As(result.Login, result.Password).GetAccountStateAsync(result.Login)).State);
    }

    [Fact]
    public async Task RegisterPrimary_ChosenPasswordAndPrefix_ReturnsThemAndStoresOnlyAHash()
    {
        var tenant = await Tenant.CreateAsync(server, w => w with { Settings = w.Settings with { LoginPrefix = "mb" } });
        var file = SampleFiles.Primary(SampleFiles.UniqueName());
        file.Password = "Secret-Pass1";

        var result = await tenant.RegisterPrimaryAsync(file);

        Assert.Equal("mb" + file.AccountName!.ToLowerInvariant(), result.Login);
        Assert.Equal("Secret-Pass1", result.Password);
        var stored = await server.InDbAsync(db => db.Accounts.SingleAsync(a => a.Login == result.Login));
        Assert.DoesNotContain("Secret-Pass1", stored.PasswordHash, StringComparison.Ordinal);
        Assert.Null(stored.Data!.Password);
    }

    [Fact]
    public async Task RegisterPrimary_EmptyPasswordElement_GetsAGeneratedPassword()
    {
        var tenant = await Tenant.CreateAsync(server);
        var file = SampleFiles.Primary();
        file.Password = string.Empty;

        var result = await tenant.RegisterPrimaryAsync(file);

        Assert.Equal(Guichet.Domain.Accounts.AccountPasswords.GeneratedLength, result.Password.Length);
        Assert.Empty(PasswordPolicy.Registering.Check(result.Password));
        Assert.Equal(AccountState.WAIT_FOR_FILES, (await tenant.As(result.Login, result.Password).GetAccountStateAsync(result.Login)).State);
    }

    [Fact]
    public async Task RegisterSecondary_EmptyPasswordElement_GetsAGeneratedPassword()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisteredPrimaryAsync();
        var file = SampleFiles.Secondary();
        file.Password = string.Empty;

        var result = await tenant.As(primary.Login, primary.Password).RegisterSecondaryAccountAsync(file);

        Assert.Equal(Guichet.Domain.Accounts.AccountPasswords.GeneratedLength, result.Password.Length);
        Assert.Equal(AccountState.WAIT_FOR_FILES, (await tenant.As(result.Login, result.Password).GetAccountStateAsync(result.Login)).State);
    }

    [Fact]
    public async Task RegisterPrimary_PasswordStartingWithSso_FaultsAndWritesNothing()
    {
        var tenant = await Tenant.CreateAsync(server);
        var file = SampleFiles.Primary();
        file.Password = "sso:Abcdef1!";

        var fault = await Faults.CatchAsync(() => tenant.RegisterPrimaryAsync(file));

        var error = Assert.Single(fault.Errors);
        Assert.Equal(("Password", ErrorCodes.ReservedPasswordPrefix), (error.Field, error.Code));
        var login = file.AccountName!.ToLowerInvariant();
        Assert.False(await server.InDbAsync(db => db.Accounts.AnyAsync(a => a.Login == login)));
    }

    [Fact]
    public async Task RegisterPrimary_SeveralBrokenFields_FaultListsEveryErrorAndWritesNothing()
    {
        var tenant = await Tenant.CreateAsync(server);
        var file = SampleFiles.Primary();
        file.Siret = "73282932000075";
        file.Address!.PostalCode = "750";
        file.Manager!.Email = "not-an-email";
        file.Teleprocedures = [];
        file.Password = "short";

        var fault = await Faults.CatchAsync(() => tenant.RegisterPrimaryAsync(file));

        Assert.Equal(ErrorCodes.ValidationFailed, fault.Code);
        Assert.Contains(fault.Errors, e => e is { Field: "Siret", Code: ErrorCodes.InvalidSiret });
        Assert.Contains(fault.Errors, e => e is { Field: "Address.PostalCode", Code: ErrorCodes.InvalidPostalCode });
        Assert.Contains(fault.Errors, e => e is { Field: "Manager.Email", Code: ErrorCodes.InvalidEmail });
        Assert.Contains(fault.Errors, e => e is { Field: "Teleprocedures", Code: ErrorCodes.NoTeleprocedure });
        Assert.Contains(fault.Errors, e => e is { Field: "Password", Code: ErrorCodes.WeakPassword });
        var login = file.AccountName!.ToLowerInvariant();
        Assert.False(await server.InDbAsync(db => db.Accounts.AnyAsync(a => a.Login == login)));
    }

    [Fact]
    public async Task RegisterPrimary_At2330Utc_BillingStartingTomorrowInParisPasses_TheDayAfterFails()
    {
        var tenant = await Tenant.CreateAsync(server);
        var lateEvening = new DateTimeOffset(DateTime.UtcNow.Date.AddHours(23).AddMinutes(30), TimeSpan.Zero);
        var tomorrow = SampleFiles.Primary();
        tomorrow.Billing!.StartDate = lateEvening.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var dayAfter = SampleFiles.Primary();
        dayAfter.Billing!.StartDate = lateEvening.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        // WSSE timestamps from the server's clock, which is set to the evening.
        var client = tenant.As(tenant.WhiteLabelOnly with
        {
            TokenOverride = () =>
                (System.Security.Cryptography.RandomNumberGenerator.GetBytes(16), RegisteringClient.Created(server.Clock.GetUtcNow())),
        });
        server.Clock.Set(lateEvening);
        try
        {
            var accepted = await client.RegisterPrimaryAccountAsync(tomorrow);
            var fault = await Faults.CatchAsync(() => client.RegisterPrimaryAccountAsync(dayAfter));

            Assert.Equal(AccountState.WAIT_FOR_FILES, accepted.State);
            var error = Assert.Single(fault.Errors);
            Assert.Equal(("Billing.StartDate", ErrorCodes.DateInFuture), (error.Field, error.Code));
        }
        finally
        {
            server.Clock.Reset();
        }
    }

    [Fact]
    public async Task RegisterPrimary_PhonesAsFrenchPeopleTypeThem_AreStoredAsDigits()
    {
        var tenant = await Tenant.CreateAsync(server);
        var file = SampleFiles.Primary();
        file.Manager!.Phone = "01 40 00 00 00";
        file.Manager.Fax = "01.40.00.00.01";
        file.GdprContact!.Phone = "+33 1 40 00 00 02";
        file.TechnicalContact = new Contact { Name = "Support", Phone = "01-40-00-00-03" };

        var result = await tenant.RegisterPrimaryAsync(file);

        var data = (await server.InDbAsync(db => db.Accounts.SingleAsync(a => a.Login == result.Login))).Data!;
        Assert.Equal(
            ("0140000000", "0140000001", "+33140000002", "0140000003"),
            (data.Manager!.Phone, data.Manager.Fax, data.GdprContact!.Phone, data.TechnicalContact!.Phone));
    }

    [Fact]
    public async Task RegisterSecondary_PhoneAsFrenchPeopleTypeIt_IsStoredAsDigits()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisteredPrimaryAsync();
        var file = SampleFiles.Secondary();
        file.Manager!.Phone = "+33 4.72-00 00 00";

        var secondary = await tenant.As(primary.Login, primary.Password).RegisterSecondaryAccountAsync(file);

        var data = (await server.InDbAsync(db => db.Accounts.SingleAsync(a => a.Login == secondary.Login))).Data!;
        Assert.Equal("+33472000000", data.Manager!.Phone);
    }

    [Fact]
    public async Task RegisterSecondary_NameTakenUnderTheSamePrimary_FaultsAlreadyExistsButIsFreeUnderAnother()
    {
        var tenant = await server.SharedTenantAsync();
        var first = await tenant.RegisteredPrimaryAsync();
        var second = await tenant.RegisteredPrimaryAsync();
        var name = SampleFiles.UniqueName("s");
        await tenant.As(first.Login, first.Password).RegisterSecondaryAccountAsync(SampleFiles.Secondary(name));
        var other = SampleFiles.Secondary(name);
        other.CompanyName = "Autre établissement";

        var fault = await Faults.CatchAsync(() => tenant.As(first.Login, first.Password).RegisterSecondaryAccountAsync(other));
        var underAnother = await tenant.As(second.Login, second.Password).RegisterSecondaryAccountAsync(SampleFiles.Secondary(name));

        Assert.Contains(fault.Errors, e => e is { Field: "AccountName", Code: ErrorCodes.AlreadyExists });
        Assert.Equal($"{name.ToLowerInvariant()}.{second.Login}", underAnother.Login);
    }

    [Fact]
    public async Task RegisterPrimary_TakenName_FaultsAlreadyExists()
    {
        var tenant = await Tenant.CreateAsync(server);
        var other = await Tenant.CreateAsync(server);
        var first = await tenant.RegisterPrimaryAsync();

        // Names are unique system-wide, across white labels.
        var fault = await Faults.CatchAsync(() => other.RegisterPrimaryAsync(SampleFiles.Primary(first.Login)));

        Assert.Contains(fault.Errors, e => e is { Field: "AccountName", Code: ErrorCodes.AlreadyExists });
    }

    [Fact]
    public async Task RegisterPrimary_TakenNameInAnOtherwiseBrokenFile_ReportsOnlyTheBrokenFields()
    {
        var tenant = await Tenant.CreateAsync(server);
        var other = await Tenant.CreateAsync(server);
        var first = await tenant.RegisterPrimaryAsync();
        var probe = SampleFiles.Primary(first.Login);
        probe.Siret = "12345678901234";

        var fault = await Faults.CatchAsync(() => other.RegisterPrimaryAsync(probe));

        Assert.Contains(fault.Errors, e => e is { Field: "Siret", Code: ErrorCodes.InvalidSiret });
        Assert.DoesNotContain(fault.Errors, e => e.Code == ErrorCodes.AlreadyExists);
    }

    [Fact]
    public async Task RegisterPrimary_ConcurrentSameRequest_CreatesOneAccountAndEverySuccessCarriesItsFolder()
    {
        var tenant = await Tenant.CreateAsync(server);
        var file = SampleFiles.Primary();

        var attempts = Enumerable.Range(0, 6).Select(async _ =>
        {
            try
            {
                return (await tenant.RegisterPrimaryAsync(file)).FolderNumber;
            }
            catch (System.ServiceModel.FaultException)
            {
                return null;
            }
        });
        var folders = (await Task.WhenAll(attempts)).OfType<string>().Distinct().ToList();

        var login = file.AccountName!.ToLowerInvariant();
        var stored = await server.InDbAsync(db => db.Accounts.Where(a => a.Login == login).Select(a => a.FolderNumber).ToListAsync());
        Assert.Single(stored);
        Assert.Equal(stored, folders);
    }

    [Fact]
    public async Task RegisterPrimary_ConcurrentSameName_ExactlyOneSucceeds()
    {
        var tenant = await Tenant.CreateAsync(server);
        var name = SampleFiles.UniqueName();

        // Six different files under one name (the same file sent twice is a retry, below).
        var attempts = Enumerable.Range(0, 6).Select(async i =>
        {
            try
            {
                var file = SampleFiles.Primary(name);
                file.CompanyName = $"Société {i}";
                await tenant.RegisterPrimaryAsync(file);
                return true;
            }
            catch (System.ServiceModel.FaultException)
            {
                return false;
            }
        });
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(succeeded => succeeded));
        Assert.Equal(1, await server.InDbAsync(db => db.Accounts.CountAsync(a => a.Login == name)));
    }

    [Fact]
    public async Task RegisterPrimary_AutoEnrolWhiteLabel_ReachesRegisteredWithMailbox()
    {
        var tenant = await Tenant.CreateAsync(server,
            w => w with { Settings = w.Settings with { AutoEnrol = true, DefaultEdiPartnerNumber = "1234567" } });

        var result = await tenant.RegisterPrimaryAsync();

        Assert.Equal(AccountState.REGISTRATION_IN_PROGRESS, result.State);
        await tenant.WaitForStateAsync(result.Login, AccountState.REGISTERED);
        var account = await server.InDbAsync(db => db.Accounts.SingleAsync(a => a.Login == result.Login));
        Assert.Equal($"{result.Login}@{tenant.Credentials.WhiteLabel.MailDomain}", account.Mailbox);
        Assert.Equal("1234567", account.EdiPartnerNumber);
        Assert.Equal("TVA,TDFC", account.Subscriptions);
    }

    [Fact]
    public async Task RegisterSecondary_ByRegisteredPrimary_GetsDottedLoginAndPrimaryCategory()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisteredPrimaryAsync();
        var file = SampleFiles.Secondary();

        var secondary = await tenant.As(primary.Login, primary.Password).RegisterSecondaryAccountAsync(file);

        Assert.Equal($"{file.AccountName!.ToLowerInvariant()}.{primary.Login}", secondary.Login);
        Assert.Equal(AccountState.WAIT_FOR_FILES, secondary.State);
        var stored = await server.InDbAsync(db => db.Accounts.SingleAsync(a => a.Login == secondary.Login));
        Assert.Equal(Guichet.Domain.Accounts.AccountCategory.COMPANY, stored.Category);
        Assert.Equal(Guichet.Domain.Accounts.AccountKind.Secondary, stored.Kind);
    }

    [Fact]
    public async Task RegisterSecondary_WithItsOwnPed_IsEnrolledWithItsPrimarysPed()
    {
        var tenant = await Tenant.CreateAsync(server, w => w with { Settings = w.Settings with { DefaultEdiPartnerNumber = "7777777" } });
        var file = SampleFiles.Primary();
        file.EdiPartnerNumber = "1234567";
        var primary = await tenant.RegisteredPrimaryAsync(file);
        var secondaryFile = SampleFiles.Secondary();
        secondaryFile.EdiPartnerNumber = "7654321";

        var secondary = await tenant.RegisteredSecondaryAsync(primary, secondaryFile);

        var stored = await server.InDbAsync(db => db.Accounts.SingleAsync(a => a.Login == secondary.Login));
        Assert.Equal("1234567", stored.EdiPartnerNumber);
    }

    [Fact]
    public async Task RegisterSecondary_WithoutMailbox_EnrolsWithoutMailbox()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisteredPrimaryAsync();
        var file = SampleFiles.Secondary();
        file.Mailbox = false;

        var secondary = await tenant.RegisteredSecondaryAsync(primary, file);

        var stored = await server.InDbAsync(db => db.Accounts.SingleAsync(a => a.Login == secondary.Login));
        Assert.Null(stored.Mailbox);
    }

    [Fact]
    public async Task RegisterSecondary_PrimaryNotRegistered_FaultsAccountNotActive()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();

        var fault = await Faults.CatchAsync(() => tenant.As(primary.Login, primary.Password).RegisterSecondaryAccountAsync(SampleFiles.Secondary()));

        Assert.Equal(ErrorCodes.AccountNotActive, fault.Code);
    }

    [Fact]
    public async Task RegisterSecondary_BeyondAllowance_FaultsQuotaReached()
    {
        var tenant = await Tenant.CreateAsync(server);
        var file = SampleFiles.Primary();
        file.SecondaryAccountCount = "1";
        var primary = await tenant.RegisteredPrimaryAsync(file);
        var client = tenant.As(primary.Login, primary.Password);
        await client.RegisterSecondaryAccountAsync(SampleFiles.Secondary());

        var fault = await Faults.CatchAsync(() => client.RegisterSecondaryAccountAsync(SampleFiles.Secondary()));

        Assert.Contains(fault.Errors, e => e.Code == ErrorCodes.SecondaryQuotaReached);
    }

    [Fact]
    public async Task RegisterPrimary_TakenName_IsRefusedBeforeItsPasswordIsHashed()
    {
        var tenant = await Tenant.CreateAsync(server);
        var file = SampleFiles.Primary();
        await tenant.RegisterPrimaryAsync(file);
        using var hashing = new CountingPasswordHashing();
        // Another file under the same name: not a retried request, whose first answer would be returned.
        var again = SampleFiles.Primary(file.AccountName);
        again.CompanyName = "Une autre raison sociale";

        var result = await server.InScopeAsync(async services =>
        {
            var whiteLabel = await WhiteLabelAsync(services, tenant);
            return await ActivatorUtilities.CreateInstance<RegisterPrimaryAccount>(services, hashing)
                .HandleAsync(whiteLabel, again.ToDomain(), whiteLabel.WsseUsername, null, CancellationToken.None);
        });

        Assert.Equal(ErrorCodes.AlreadyExists, Assert.Single(result.Errors).Code);
        Assert.Equal(0, hashing.Hashes);
    }

    [Fact]
    public async Task RegisterSecondary_TakenName_IsRefusedBeforeItsPasswordIsHashed_WithTheSecondarysMessage()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisteredPrimaryAsync();
        var file = SampleFiles.Secondary();
        await tenant.As(primary.Login, primary.Password).RegisterSecondaryAccountAsync(file);
        using var hashing = new CountingPasswordHashing();
        var again = SampleFiles.Secondary(file.AccountName);
        again.CompanyName = "Une autre raison sociale";

        var result = await server.InScopeAsync(async services =>
            await ActivatorUtilities.CreateInstance<RegisterSecondaryAccount>(services, hashing)
                .HandleAsync(await CallerAsync(services, tenant, primary.Login), again.ToDomain(), CancellationToken.None));

        Assert.Equal(AccountErrors.SecondaryNameTaken(nameof(again.AccountName)), Assert.Single(result.Errors));
        Assert.Equal(0, hashing.Hashes);
    }

    [Fact]
    public async Task RegisterSecondary_TwoRacingForTheLastSlot_OneIsSavedTheOtherConflicts()
    {
        var tenant = await Tenant.CreateAsync(server);
        var file = SampleFiles.Primary();
        file.SecondaryAccountCount = "1";
        var primary = await tenant.RegisteredPrimaryAsync(file);
        // Both registrations meet inside their password's hash: each has counted the primary's secondaries (none) before
        // either saves. Only the primary's renewed version then keeps the second from taking the same slot.
        using var gate = new CountdownEvent(2);
        using var hashing = new MeetingPasswordHashing(gate);

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => server.InScopeAsync(async services =>
        {
            var register = ActivatorUtilities.CreateInstance<RegisterSecondaryAccount>(services, hashing);
            return await register.HandleAsync(await CallerAsync(services, tenant, primary.Login), SampleFiles.Secondary().ToDomain(),
                CancellationToken.None);
        }))));

        Assert.Single(results, r => r.Succeeded);
        Assert.Single(results, r => r.FailureCode == ErrorCodes.ConcurrentModification);
        Assert.Equal(1, await server.InDbAsync(db => db.Accounts.CountAsync(a => a.PrimaryAccount!.Login == primary.Login)));
    }

    [Fact]
    public async Task RegisterSecondary_PrimaryGoneSinceItsAuthentication_ConflictsAndSavesNothing()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisteredPrimaryAsync();
        using var hashing = new CountingPasswordHashing();
        var file = SampleFiles.Secondary();

        // No door deletes an account: a caller authenticated as a primary whose row is no longer there stands for it.
        var result = await server.InScopeAsync(async services =>
        {
            var caller = await CallerAsync(services, tenant, primary.Login);
            return await ActivatorUtilities.CreateInstance<RegisterSecondaryAccount>(services, hashing)
                .HandleAsync(caller with { Account = caller.Account with { Id = Guid.NewGuid() } }, file.ToDomain(), CancellationToken.None);
        });

        Assert.Equal(AccountErrors.ChangedMeanwhile, Assert.Single(result.Errors));
        Assert.Equal(0, hashing.Hashes);
        // The login the secondary would have had: it names its primary, whatever id the caller carried.
        var login = $"{Domain.Accounts.Account.NormalizeLogin(file.AccountName)}.{primary.Login}";
        Assert.False(await server.InDbAsync(db => db.Accounts.AnyAsync(a => a.Login == login)));
    }

    [Fact]
    public async Task RegisterSecondary_OfTestPrimary_IsTest()
    {
        var tenant = await Tenant.CreateAsync(server);
        var file = SampleFiles.Primary();
        file.Test = true;
        var primary = await tenant.RegisteredPrimaryAsync(file);
        var secondaryFile = SampleFiles.Secondary();
        secondaryFile.Test = false;

        var secondary = await tenant.As(primary.Login, primary.Password).RegisterSecondaryAccountAsync(secondaryFile);

        Assert.True(await server.InDbAsync(db => db.Accounts.Where(a => a.Login == secondary.Login).Select(a => a.IsTest).SingleAsync()));
    }

    /// <summary>The tenant's white label as the SOAP door hands it to a use case (untracked).</summary>
    private static Task<Domain.WhiteLabels.WhiteLabel> WhiteLabelAsync(IServiceProvider services, Tenant tenant) =>
        services.GetRequiredService<GuichetDbContext>().WhiteLabels.AsNoTracking().SingleAsync(w => w.Id == tenant.Credentials.WhiteLabel.Id);

    /// <summary><paramref name="login"/> of the tenant as the SOAP door hands it to a use case once authenticated.</summary>
    private static async Task<Caller> CallerAsync(IServiceProvider services, Tenant tenant, string login)
    {
        var facts = await services.GetRequiredService<GuichetDbContext>().Accounts.AsNoTracking().Where(a => a.Login == login)
            .Select(AccountFacts.Columns).SingleAsync();
        return new Caller(await WhiteLabelAsync(services, tenant), facts, PasswordExpired: false, RemoteAddress: null);
    }
}

public sealed class RegistrationTestsOnSqlite(SqliteServerFixture server) : RegistrationTests(server), IClassFixture<SqliteServerFixture>;

public sealed class RegistrationTestsOnPostgres(PostgresServerFixture server) : RegistrationTests(server), IClassFixture<PostgresServerFixture>;
