using Guichet.Application.Accounts;
using Guichet.Application.Accounts.Files;
using Guichet.Domain.Accounts;
using Guichet.Domain.Common;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Server.Tests.RegistrationFiles;

/// <summary>
/// Registration files written straight into the store (the registration itself is tested over SOAP elsewhere), with the
/// dates and states a test needs; and the back-office use cases called as a page would.
/// </summary>
public sealed class TestFiles(GuichetServer server)
{
    public static readonly StaffCaller Agent = StaffCaller.For("Agent.Dupont@Guichet.example", "10.20.30.40");

    /// <summary>A white label of its own: filtering on it isolates a test's files from every other test's.</summary>
    public async Task<Guid> WhiteLabelAsync() => (await server.CreateWhiteLabelAsync()).WhiteLabel.Id;

    /// <summary>A valid primary's file with unique login, SIRET-shaped number, company name and email unless told otherwise.</summary>
    public static PrimaryAccountData File(string? companyName = null, string? siret = null, string? email = null) => new()
    {
        AccountName = SampleFiles.UniqueName("f"),
        Category = AccountCategory.COMPANY,
        Siret = siret ?? UniqueSiret(),
        CompanyName = companyName ?? "Société " + Guid.NewGuid().ToString("N")[..8],
        SecondaryAccountCount = "3",
        Address = new PostalAddress { Street = "1 rue de la Paix", City = "Paris", PostalCode = "75002", Country = "FR" },
        Manager = new AccountManager
        {
            Civility = Civility.MS,
            LastName = "Martin",
            FirstName = "Claire",
            Phone = "+33140000000",
            Email = email ?? $"claire.{Guid.NewGuid():N}@example.fr",
        },
        Teleprocedures = [Teleprocedure.TVA, Teleprocedure.DADS_U],
        GdprContact = new GdprContact
        {
            LastName = "Durand",
            FirstName = "Paul",
            Function = "DPO",
            Phone = "+33140000001",
            Email = "dpo@example.fr",
        },
        Billing = new BillingInfo { StartDate = "2026-01-01", VatNumber = "FR40303265045" },
        Test = false,
    };

    /// <summary>14 digits, unique enough for a test (the search does not check the key).</summary>
    public static string UniqueSiret() => string.Concat(Guid.NewGuid().ToByteArray().Take(14).Select(b => (char)('0' + (b % 10))));

    public async Task<Account> AddAsync(Guid whiteLabelId, DateTimeOffset? createdAt = null, AccountState state = AccountState.WAIT_FOR_FILES,
        PrimaryAccountData? data = null, AccountCategory category = AccountCategory.COMPANY, bool isTest = false, Account? primary = null)
    {
        // PostgreSQL keeps microseconds: what the test holds is what the store gives back.
        var at = createdAt ?? server.Clock.GetUtcNow();
        at = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % 10), TimeSpan.Zero);
        data ??= File();
        data.Category = category;
        AccountData file = primary is null ? data : new SecondaryAccountData
        {
            AccountName = data.AccountName,
            Siret = data.Siret,
            CompanyName = data.CompanyName,
            Address = data.Address,
            Manager = data.Manager,
            Teleprocedures = data.Teleprocedures,
            GdprContact = data.GdprContact,
            Mailbox = true,
        };
        var account = new Account
        {
            WhiteLabelId = whiteLabelId,
            Kind = primary is null ? AccountKind.Primary : AccountKind.Secondary,
            Login = primary is null ? data.AccountName! : $"{data.AccountName}.{primary.Login}",
            PrimaryAccountId = primary?.Id,
            FolderNumber = new FolderNumbers().Draw(at),
            State = state,
            StateChangedAt = at,
            Category = category,
            IsTest = isTest,
            PasswordHash = "not-a-hash",
            PasswordChangedAt = at,
            Data = file,
            CreatedAt = at,
        };
        account.IndexFile();
        await server.InDbAsync(db =>
        {
            db.Accounts.Add(account);
            return db.SaveChangesAsync();
        });
        return account;
    }

    public Task<Result<RegistrationFilePage>> SearchAsync(RegistrationFileSearch search) =>
        server.InScopeAsync(services => services.GetRequiredService<SearchRegistrationFiles>().HandleAsync(search, CancellationToken.None));

    /// <summary>Every page from the first, following <see cref="RegistrationFilePage.Next"/>; fails on an error.</summary>
    public Task<List<RegistrationFilePage>> AllPagesAsync(RegistrationFileSearch search) =>
        KeysetPages.AllAsync(cursor => SearchAsync(search with { Cursor = cursor }), page => page.Next);

    /// <summary>The ids a search finds, all pages, in order.</summary>
    public async Task<List<Guid>> FindAsync(RegistrationFileSearch search) =>
        [.. (await AllPagesAsync(search)).SelectMany(p => p.Rows).Select(r => r.Id)];

    public Task<StatusChangeResult> ChangeAsync(
        Guid id, AccountAction action, Guid? expectedVersion = null, string? reason = null, StaffCaller? actor = null) =>
        server.InScopeAsync(services => services.GetRequiredService<ChangeAccountStatus>()
            .HandleAsync(
                new StatusChange(actor ?? Agent, action, AccountId: id, ExpectedVersion: expectedVersion, Reason: reason),
                CancellationToken.None));

    public Task<Result<RegistrationFileView>> ViewAsync(Guid id) =>
        server.InScopeAsync(services => services.GetRequiredService<GetRegistrationFile>().HandleAsync(id, CancellationToken.None));

    public async Task<(AccountState State, Guid Version)> StoredAsync(Guid id)
    {
        var stored = await server.InDbAsync(db => db.Accounts.Where(a => a.Id == id).Select(a => new { a.State, a.Version }).SingleAsync());
        return (stored.State, stored.Version);
    }
}
