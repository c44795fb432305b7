using Guichet.Application.Accounts.Files;
using Guichet.Domain.Accounts;
using Guichet.Domain.Common;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.RegistrationFiles;

/// <summary>The back office's file list: each filter, each shape of free text, keyset paging, Paris dates.</summary>
public abstract class SearchRegistrationFilesTests(GuichetServer server)
{
    private readonly TestFiles _files = new(server);

    [Fact]
    public async Task WhiteLabelFilter_OnlyItsFiles_NewestFirst_WithTheirColumns()
    {
        var mine = await _files.WhiteLabelAsync();
        var other = await _files.WhiteLabelAsync();
        var now = server.Clock.GetUtcNow();
        var old = await _files.AddAsync(mine, now.AddHours(-2), data: TestFiles.File("Boulangerie Élise"));
        var recent = await _files.AddAsync(mine, now.AddHours(-1));
        await _files.AddAsync(other, now);

        var page = (await _files.SearchAsync(new RegistrationFileSearch(WhiteLabelId: mine))).Value;

        Assert.Equal([recent.Id, old.Id], page.Rows.Select(r => r.Id));
        var row = page.Rows[1];
        var whiteLabel = await server.InDbAsync(db => db.WhiteLabels.SingleAsync(w => w.Id == mine));
        Assert.Equal((old.FolderNumber, old.Login, AccountKind.Primary, AccountState.WAIT_FOR_FILES),
            (row.FolderNumber, row.Login, row.Kind, row.State));
        Assert.Equal((whiteLabel.Code, whiteLabel.Name), (row.WhiteLabelCode, row.WhiteLabelName));
        Assert.Equal(("Boulangerie Élise", old.Siret, old.ManagerEmail, AccountCategory.COMPANY, false),
            (row.CompanyName, row.Siret, row.ManagerEmail, row.Category, row.IsTest));
        Assert.Equal(old.CreatedAt, row.CreatedAt);
        Assert.Null(page.Next);
        Assert.Null(page.Previous);
    }

    [Fact]
    public async Task Administrators_AreNotRegistrationFiles()
    {
        var credentials = await server.CreateWhiteLabelAsync();
        await server.CreateAdministratorAsync(credentials.WhiteLabel.Code);
        var file = await _files.AddAsync(credentials.WhiteLabel.Id);

        var ids = await _files.FindAsync(new RegistrationFileSearch(WhiteLabelId: credentials.WhiteLabel.Id));

        Assert.Equal([file.Id], ids);
    }

    [Fact]
    public async Task StateFilter_OneOrSeveralStates()
    {
        var wl = await _files.WhiteLabelAsync();
        var now = server.Clock.GetUtcNow();
        var waiting = await _files.AddAsync(wl, now.AddMinutes(-3), AccountState.WAIT_FOR_FILES);
        var validated = await _files.AddAsync(wl, now.AddMinutes(-2), AccountState.BO_VALIDATED);
        var rejected = await _files.AddAsync(wl, now.AddMinutes(-1), AccountState.BO_REJECTED);
        await _files.AddAsync(wl, now, AccountState.REGISTERED);

        Assert.Equal([validated.Id], await _files.FindAsync(new RegistrationFileSearch([AccountState.BO_VALIDATED], wl)));
        Assert.Equal([rejected.Id, waiting.Id],
            await _files.FindAsync(new RegistrationFileSearch([AccountState.WAIT_FOR_FILES, AccountState.BO_REJECTED], wl)));
        // The same without the white label: each state's branch is read on its own, then merged in order.
        var everywhere = await _files.FindAsync(new RegistrationFileSearch([AccountState.WAIT_FOR_FILES, AccountState.BO_REJECTED], PageSize: 100));
        Assert.Contains(waiting.Id, everywhere);
        Assert.DoesNotContain(validated.Id, everywhere);
    }

    [Fact]
    public async Task CategoryAndTestFilters()
    {
        var wl = await _files.WhiteLabelAsync();
        var company = await _files.AddAsync(wl, category: AccountCategory.COMPANY);
        var accountant = await _files.AddAsync(wl, category: AccountCategory.PUBLIC_ACCOUNTANT);
        var test = await _files.AddAsync(wl, category: AccountCategory.PUBLIC_ACCOUNTANT, isTest: true);

        Assert.Equal([company.Id], await _files.FindAsync(new RegistrationFileSearch(WhiteLabelId: wl, Category: AccountCategory.COMPANY)));
        Assert.Equal([test.Id], await _files.FindAsync(new RegistrationFileSearch(WhiteLabelId: wl, IsTest: true)));
        Assert.Equal([accountant.Id, company.Id], await _files.FindAsync(new RegistrationFileSearch(WhiteLabelId: wl, IsTest: false)));
        Assert.Equal([accountant.Id],
            await _files.FindAsync(new RegistrationFileSearch(WhiteLabelId: wl, Category: AccountCategory.PUBLIC_ACCOUNTANT, IsTest: false)));
    }

    /// <summary>23:30 UTC in winter is 00:30 the next day in Paris; in summer the day turns at 22:00 UTC.</summary>
    [Fact]
    public async Task CreatedBetween_ParisDays_WholeLastDayIncluded()
    {
        var wl = await _files.WhiteLabelAsync();
        var lateOn14th = await _files.AddAsync(wl, new DateTimeOffset(2026, 1, 14, 22, 59, 59, TimeSpan.Zero)); // 23:59:59 on the 14th in Paris
        var earlyOn15th = await _files.AddAsync(wl, new DateTimeOffset(2026, 1, 14, 23, 30, 0, TimeSpan.Zero)); // 00:30 on the 15th
        var lastOf15th = await _files.AddAsync(wl, new DateTimeOffset(2026, 1, 15, 22, 59, 59, TimeSpan.Zero)); // 23:59:59 on the 15th
        var firstOf16th = await _files.AddAsync(wl, new DateTimeOffset(2026, 1, 15, 23, 0, 0, TimeSpan.Zero)); // 00:00 on the 16th
        var summerLate = await _files.AddAsync(wl, new DateTimeOffset(2026, 7, 14, 21, 30, 0, TimeSpan.Zero)); // 23:30 on 14 July
        var summerEarly = await _files.AddAsync(wl, new DateTimeOffset(2026, 7, 14, 22, 0, 0, TimeSpan.Zero)); // 00:00 on 15 July

        var day = new DateOnly(2026, 1, 15);
        Assert.Equal([lastOf15th.Id, earlyOn15th.Id],
            await _files.FindAsync(new RegistrationFileSearch(WhiteLabelId: wl, CreatedFrom: day, CreatedTo: day)));
        Assert.Equal([lateOn14th.Id], await _files.FindAsync(new RegistrationFileSearch(WhiteLabelId: wl, CreatedTo: new DateOnly(2026, 1, 14))));
        Assert.Equal([summerEarly.Id, summerLate.Id, firstOf16th.Id],
            await _files.FindAsync(new RegistrationFileSearch(WhiteLabelId: wl, CreatedFrom: new DateOnly(2026, 1, 16))));
        Assert.Equal([summerEarly.Id], await _files.FindAsync(new RegistrationFileSearch(WhiteLabelId: wl, CreatedFrom: new DateOnly(2026, 7, 15))));
    }

    [Fact]
    public async Task FreeText_FourteenDigits_IsTheSiret()
    {
        var wl = await _files.WhiteLabelAsync();
        var siret = TestFiles.UniqueSiret();
        var file = await _files.AddAsync(wl, data: TestFiles.File(siret: siret));
        await _files.AddAsync(wl);

        Assert.Equal([file.Id], await _files.FindAsync(new RegistrationFileSearch(Text: siret)));
        // As people type it.
        var spaced = $"{siret[..3]} {siret[3..6]} {siret[6..9]} {siret[9..]}";
        Assert.Equal([file.Id], await _files.FindAsync(new RegistrationFileSearch(Text: spaced)));
    }

    [Fact]
    public async Task FreeText_NineDigits_IsTheSirenOfEveryEstablishment()
    {
        var wl = await _files.WhiteLabelAsync();
        var siren = TestFiles.UniqueSiret()[..9];
        var head = await _files.AddAsync(wl, data: TestFiles.File(siret: siren + "00011"));
        var branch = await _files.AddAsync(wl, data: TestFiles.File(siret: siren + "00029"));
        await _files.AddAsync(wl);

        Assert.Equal([branch.Id, head.Id], await _files.FindAsync(new RegistrationFileSearch(Text: siren)));
    }

    [Fact]
    public async Task FreeText_WithAt_IsTheManagerEmail_CaseIgnored()
    {
        var wl = await _files.WhiteLabelAsync();
        var email = $"Jeanne.{Guid.NewGuid():N}@Example.fr";
        var file = await _files.AddAsync(wl, data: TestFiles.File(email: email));
        await _files.AddAsync(wl);

        Assert.Equal([file.Id], await _files.FindAsync(new RegistrationFileSearch(Text: "  " + email.ToUpperInvariant() + " ")));
        Assert.Empty(await _files.FindAsync(new RegistrationFileSearch(Text: email[..^3])));
    }

    [Fact]
    public async Task FreeText_FolderNumberShape_IsTheFolderNumber()
    {
        var wl = await _files.WhiteLabelAsync();
        var file = await _files.AddAsync(wl);

        Assert.Equal([file.Id], await _files.FindAsync(new RegistrationFileSearch(Text: file.FolderNumber.ToLowerInvariant())));
    }

    [Fact]
    public async Task FreeText_Otherwise_LoginExactly_OrCompanyNameStart_AccentsAndCaseIgnored()
    {
        var wl = await _files.WhiteLabelAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var name = await _files.AddAsync(wl, data: TestFiles.File($"Œuvres d'Été {tag} SARL"));
        var other = await _files.AddAsync(wl, data: TestFiles.File($"Les Œuvres {tag}"));
        // Its login is the text, its name is not.
        var byLogin = await _files.AddAsync(wl, data: TestFiles.File());
        var loginPrefixOnly = await _files.AddAsync(wl);

        Assert.Equal([name.Id], await _files.FindAsync(new RegistrationFileSearch(Text: $"OEUVRES D'ETE {tag}")));
        Assert.Equal([name.Id], await _files.FindAsync(new RegistrationFileSearch(Text: $"oeuvres-d-ete {tag}", WhiteLabelId: wl)));
        Assert.Equal([other.Id], await _files.FindAsync(new RegistrationFileSearch(Text: $"les œuvres {tag}")));
        // A prefix of the name, not a word inside it.
        Assert.Empty(await _files.FindAsync(new RegistrationFileSearch(Text: $"d'été {tag}")));
        Assert.Equal([byLogin.Id], await _files.FindAsync(new RegistrationFileSearch(Text: byLogin.Login.ToUpperInvariant())));
        // A login is found whole, not by its start.
        Assert.DoesNotContain(loginPrefixOnly.Id,
            await _files.FindAsync(new RegistrationFileSearch(Text: loginPrefixOnly.Login[..^2], WhiteLabelId: wl)));
    }

    /// <summary>Past RegistrationFileSearch.NarrowPrefixMatches names, the prefix sifts the files read in list order.</summary>
    [Fact]
    public async Task FreeText_BroadCompanyNamePrefix_SameFilesInTheSameOrder()
    {
        var wl = await _files.WhiteLabelAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var now = server.Clock.GetUtcNow();
        var expected = new List<(DateTimeOffset At, Guid Id)>();
        await server.InDbAsync(db =>
        {
            for (var i = 0; i <= RegistrationFileSearch.NarrowPrefixMatches; i++)
            {
                var account = new Domain.Accounts.Account
                {
                    WhiteLabelId = wl,
                    Kind = AccountKind.Primary,
                    Login = SampleFiles.UniqueName("z"),
                    // Never a random number: 5,001 of them beside the suite's other files of the same day collided now
                    // and then (a birthday draw in 32^6). A leading 0 is outside FolderNumbers' alphabet.
                    FolderNumber = $"D{now.UtcDateTime:yyyyMMdd}-0{i:D5}",
                    State = AccountState.WAIT_FOR_FILES,
                    PasswordHash = "x",
                    CreatedAt = now.AddSeconds(-(i / 2)),
                    StateChangedAt = now,
                    Data = TestFiles.File($"Zèbre {tag} n°{i}"),
                };
                account.IndexFile();
                db.Accounts.Add(account);
                expected.Add((account.CreatedAt, account.Id));
            }

            return db.SaveChangesAsync();
        });
        await _files.AddAsync(wl, data: TestFiles.File($"Zébu {tag}"));
        var validated = await _files.AddAsync(wl, now.AddHours(-2), AccountState.BO_VALIDATED, TestFiles.File($"Zèbre {tag} validé"));
        var registered = await _files.AddAsync(wl, now.AddHours(-3), AccountState.REGISTERED, TestFiles.File($"Zèbre {tag} inscrit"));
        var order = expected.OrderByDescending(e => e.At).ThenByDescending(e => e.Id.ToString(), StringComparer.Ordinal).Select(e => e.Id).ToList();

        var first = (await _files.SearchAsync(new RegistrationFileSearch(Text: $"ZEBRE {tag}", PageSize: 100))).Value;
        var last = (await _files.SearchAsync(
            new RegistrationFileSearch(Text: $"zèbre {tag}", PageSize: 100, Cursor: RegistrationFileSearch.LastPage))).Value;

        Assert.Equal(order.Take(100), first.Rows.Select(r => r.Id));
        Assert.Equal(order.Append(validated.Id).Append(registered.Id).TakeLast(100), last.Rows.Select(r => r.Id));
        // With states, each state's files are read in order.
        Assert.Equal([validated.Id, registered.Id], await _files.FindAsync(
            new RegistrationFileSearch([AccountState.REGISTERED, AccountState.BO_VALIDATED], Text: $"zebre {tag}")));
        // Narrow again: a handful of names.
        Assert.Equal(11, (await _files.SearchAsync(new RegistrationFileSearch(Text: $"zebre {tag} n 100", PageSize: 100))).Value.Rows.Count);
    }

    [Fact]
    public async Task FreeText_LoginAndCompanyNameBothMatch_FileListedOnce()
    {
        var wl = await _files.WhiteLabelAsync();
        var login = SampleFiles.UniqueName("dup");
        var data = TestFiles.File(companyName: login + " et fils");
        data.AccountName = login;
        var file = await _files.AddAsync(wl, data: data);

        Assert.Equal([file.Id], await _files.FindAsync(new RegistrationFileSearch(Text: login)));
    }

    [Fact]
    public async Task FreeText_CombinesWithTheOtherFilters()
    {
        var wl = await _files.WhiteLabelAsync();
        var siren = TestFiles.UniqueSiret()[..9];
        var waiting = await _files.AddAsync(wl, state: AccountState.WAIT_FOR_FILES, data: TestFiles.File(siret: siren + "00011"));
        await _files.AddAsync(wl, state: AccountState.REGISTERED, data: TestFiles.File(siret: siren + "00029"));
        await _files.AddAsync(await _files.WhiteLabelAsync(), state: AccountState.WAIT_FOR_FILES, data: TestFiles.File(siret: siren + "00037"));

        Assert.Equal([waiting.Id],
            await _files.FindAsync(new RegistrationFileSearch([AccountState.WAIT_FOR_FILES, AccountState.BO_VALIDATED], wl, Text: siren)));
    }

    [Theory]
    [InlineData("é", ErrorCodes.InvalidLength)]
    [InlineData("«»", ErrorCodes.InvalidLength)]
    [InlineData("ü.", ErrorCodes.InvalidLength)]
    public async Task FreeText_NeitherALoginNorTwoLettersOfAName_IsAFieldError(string text, string code)
    {
        var result = await _files.SearchAsync(new RegistrationFileSearch(Text: text));

        Assert.Equal(ErrorCodes.ValidationFailed, result.FailureCode);
        var error = Assert.Single(result.Errors);
        Assert.Equal((code, nameof(RegistrationFileSearch.Text)), (error.Code, error.Field));
    }

    [Fact]
    public async Task BadRequests_AreFieldErrors_AllAtOnce()
    {
        var result = await _files.SearchAsync(new RegistrationFileSearch(
            CreatedFrom: new DateOnly(2026, 2, 2), CreatedTo: new DateOnly(2026, 2, 1), Cursor: "not a cursor", PageSize: 101));

        Assert.Equal(ErrorCodes.ValidationFailed, result.FailureCode);
        Assert.Equal(
            [(ErrorCodes.OutOfRange, "PageSize"), (ErrorCodes.InvalidValue, "CreatedTo"), (ErrorCodes.InvalidValue, "Cursor")],
            result.Errors.Select(e => (e.Code, e.Field!)));
        Assert.False((await _files.SearchAsync(new RegistrationFileSearch(PageSize: 0))).Succeeded);
    }

    [Fact]
    public async Task Keyset_EqualCreationTimes_TiesBrokenById_NoDuplicateNorGap_ForwardAndBack()
    {
        var wl = await _files.WhiteLabelAsync();
        var now = server.Clock.GetUtcNow();
        var same = now.AddMinutes(-5);
        var files = new List<Domain.Accounts.Account>
        {
            await _files.AddAsync(wl, now.AddMinutes(-1)),
        };
        for (var i = 0; i < 5; i++)
        {
            files.Add(await _files.AddAsync(wl, same));
        }

        files.Add(await _files.AddAsync(wl, now.AddMinutes(-9)));
        var expected = files.OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.Id.ToString(), StringComparer.Ordinal)
            .Select(f => f.Id).ToList();

        var forward = await _files.AllPagesAsync(new RegistrationFileSearch(WhiteLabelId: wl, PageSize: 2));

        Assert.Equal([2, 2, 2, 1], forward.Select(p => p.Rows.Count));
        Assert.Equal(expected, forward.SelectMany(p => p.Rows).Select(r => r.Id));
        Assert.Null(forward[0].Previous);
        Assert.Null(forward[^1].Next);

        // Back from the last page, by Previous: the same pages in reverse.
        var back = new List<RegistrationFilePage> { forward[^1] };
        while (back[^1].Previous is { } previous)
        {
            back.Add((await _files.SearchAsync(new RegistrationFileSearch(WhiteLabelId: wl, PageSize: 2, Cursor: previous))).Value);
        }

        Assert.Equal(forward.Select(p => p.Rows.Select(r => r.Id).ToList()).Reverse(), back.Select(p => p.Rows.Select(r => r.Id).ToList()),
            new SequenceComparer());
        Assert.NotNull(back[^2].Next);

        // The "last page" link reads from the other end.
        var last = (await _files.SearchAsync(
            new RegistrationFileSearch(WhiteLabelId: wl, PageSize: 2, Cursor: RegistrationFileSearch.LastPage))).Value;
        Assert.Equal([expected[^2], expected[^1]], last.Rows.Select(r => r.Id));
        Assert.Null(last.Next);
        // Pages counted from the end: the one before holds the 4th and 3rd oldest.
        Assert.Equal([expected[^4], expected[^3]],
            (await _files.SearchAsync(new RegistrationFileSearch(WhiteLabelId: wl, PageSize: 2, Cursor: last.Previous)))
                .Value.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task Keyset_SeveralStates_PagesThroughTheMergedOrder()
    {
        var wl = await _files.WhiteLabelAsync();
        var now = server.Clock.GetUtcNow();
        var states = new[] { AccountState.WAIT_FOR_FILES, AccountState.BO_VALIDATED, AccountState.REGISTERED };
        var files = new List<Domain.Accounts.Account>();
        for (var i = 0; i < 9; i++)
        {
            files.Add(await _files.AddAsync(wl, now.AddMinutes(-(i % 4)), states[i % 3]));
        }

        var wanted = files.Where(f => f.State != AccountState.REGISTERED)
            .OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.Id.ToString(), StringComparer.Ordinal).Select(f => f.Id).ToList();

        var pages = await _files.AllPagesAsync(
            new RegistrationFileSearch([AccountState.WAIT_FOR_FILES, AccountState.BO_VALIDATED], wl, PageSize: 4));

        Assert.Equal(wanted, pages.SelectMany(p => p.Rows).Select(r => r.Id));
        Assert.Equal(2, pages.Count);
        var back = (await _files.SearchAsync(new RegistrationFileSearch([AccountState.WAIT_FOR_FILES, AccountState.BO_VALIDATED], wl, PageSize: 4,
            Cursor: pages[1].Previous))).Value;
        Assert.Equal(pages[0].Rows.Select(r => r.Id), back.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task PageSize_DefaultsToFifty()
    {
        var wl = await _files.WhiteLabelAsync();
        var now = server.Clock.GetUtcNow();
        await server.InDbAsync(db =>
        {
            for (var i = 0; i < 51; i++)
            {
                var account = new Domain.Accounts.Account
                {
                    WhiteLabelId = wl,
                    Kind = AccountKind.Primary,
                    Login = SampleFiles.UniqueName("p"),
                    FolderNumber = new Application.Accounts.FolderNumbers().Draw(now),
                    State = AccountState.WAIT_FOR_FILES,
                    PasswordHash = "x",
                    CreatedAt = now.AddSeconds(-i),
                    StateChangedAt = now,
                    Data = TestFiles.File(),
                };
                account.IndexFile();
                db.Accounts.Add(account);
            }

            return db.SaveChangesAsync();
        });

        var page = (await _files.SearchAsync(new RegistrationFileSearch(WhiteLabelId: wl))).Value;

        Assert.Equal(RegistrationFileSearch.DefaultPageSize, page.Rows.Count);
        Assert.NotNull(page.Next);
    }

    private sealed class SequenceComparer : IEqualityComparer<List<Guid>>
    {
        public bool Equals(List<Guid>? x, List<Guid>? y) => x!.SequenceEqual(y!);

        public int GetHashCode(List<Guid> obj) => obj.Count;
    }
}

public sealed class SearchRegistrationFilesTestsOnSqlite(SqliteServerFixture server)
    : SearchRegistrationFilesTests(server), IClassFixture<SqliteServerFixture>;

public sealed class SearchRegistrationFilesTestsOnPostgres(PostgresServerFixture server)
    : SearchRegistrationFilesTests(server), IClassFixture<PostgresServerFixture>;
