using Guichet.Application.Accounts;
using Guichet.Application.Auditing;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.RegistrationFiles;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.Auditing;

/// <summary>The audit trail's reader: each filter, the period in Paris time, keyset paging, the link to a file, the export.</summary>
public abstract class SearchAuditTrailTests(GuichetServer server)
{
    private readonly TestAuditTrail _trail = new(server);

    [Fact]
    public async Task EachFilter_KeepsItsEntriesOnly_NewestFirst_WithTheirColumns()
    {
        var whiteLabel = (await server.CreateWhiteLabelAsync()).WhiteLabel;
        var (actor, other, subject, address) = (TestAuditTrail.Tag("a"), TestAuditTrail.Tag("b"), TestAuditTrail.Tag("s"), TestAuditTrail.Tag("ip"));
        var now = server.Clock.GetUtcNow();
        var first = await _trail.AddAsync(actor, now.AddMinutes(-3), AuditEvents.AccountStateChanged, whiteLabel.Id, subject, "WAIT_FOR_FILES",
            "BO_VALIDATED", address, "VALIDATE");
        var second = await _trail.AddAsync(actor, now.AddMinutes(-2), AuditEvents.StaffSignedIn, subject: TestAuditTrail.Tag("s"),
            address: TestAuditTrail.Tag("ip"));
        var third = await _trail.AddAsync(other, now.AddMinutes(-1), AuditEvents.AccountStateChanged, whiteLabel.Id, subject, address: address);

        Assert.Equal([second.Id, first.Id], await _trail.FindAsync(new AuditTrailSearch(Actor: actor)));
        Assert.Equal([third.Id], await _trail.FindAsync(new AuditTrailSearch(Actor: other)));
        Assert.Equal([second.Id], await _trail.FindAsync(new AuditTrailSearch(Actor: actor, Event: AuditEvents.StaffSignedIn)));
        Assert.Equal([third.Id, first.Id],
            await _trail.FindAsync(new AuditTrailSearch(Event: AuditEvents.AccountStateChanged, WhiteLabelId: whiteLabel.Id)));
        Assert.Equal([third.Id, first.Id], await _trail.FindAsync(new AuditTrailSearch(Subject: subject)));
        Assert.Equal([third.Id, first.Id], await _trail.FindAsync(new AuditTrailSearch(RemoteAddress: $" {address} ")));
        Assert.Equal([third.Id], await _trail.FindAsync(new AuditTrailSearch(Actor: other, Subject: subject, RemoteAddress: address)));
        // Exact: neither a prefix nor another case.
        Assert.Empty(await _trail.FindAsync(new AuditTrailSearch(Actor: actor[..10])));
        Assert.Empty(await _trail.FindAsync(new AuditTrailSearch(Actor: actor.ToUpperInvariant())));
        Assert.Empty(await _trail.FindAsync(new AuditTrailSearch(Subject: subject[..10])));

        var row = (await _trail.SearchAsync(new AuditTrailSearch(Actor: actor))).Value.Rows[1].Entry;
        Assert.Equal(new AuditTrailRow(first.Id, first.At, actor, AuditEvents.AccountStateChanged, whiteLabel.Id, whiteLabel.Name, subject,
            "WAIT_FOR_FILES", "BO_VALIDATED", address, "VALIDATE"), row);
    }

    /// <summary>23:30 UTC in winter is 00:30 the next day in Paris; in summer the day turns at 22:00 UTC.</summary>
    [Fact]
    public async Task Period_InParisTime_FromIncluded_BeforeExcluded()
    {
        var actor = TestAuditTrail.Tag();
        var lateOn14th = await _trail.AddAsync(actor, new DateTimeOffset(2026, 1, 14, 22, 59, 59, TimeSpan.Zero));
        var earlyOn15th = await _trail.AddAsync(actor, new DateTimeOffset(2026, 1, 14, 23, 30, 0, TimeSpan.Zero));
        var lastOf15th = await _trail.AddAsync(actor, new DateTimeOffset(2026, 1, 15, 22, 59, 59, TimeSpan.Zero));
        var firstOf16th = await _trail.AddAsync(actor, new DateTimeOffset(2026, 1, 15, 23, 0, 0, TimeSpan.Zero));
        var summer = await _trail.AddAsync(actor, new DateTimeOffset(2026, 7, 14, 22, 0, 0, TimeSpan.Zero));

        Assert.Equal([lastOf15th.Id, earlyOn15th.Id],
            await _trail.FindAsync(new AuditTrailSearch(new DateTime(2026, 1, 15), new DateTime(2026, 1, 16), actor)));
        Assert.Equal([lastOf15th.Id, earlyOn15th.Id],
            await _trail.FindAsync(new AuditTrailSearch(new DateTime(2026, 1, 15, 0, 30, 0), new DateTime(2026, 1, 16), actor)));
        Assert.Equal([lateOn14th.Id], await _trail.FindAsync(new AuditTrailSearch(Before: new DateTime(2026, 1, 15, 0, 30, 0), Actor: actor)));
        Assert.Equal([summer.Id, firstOf16th.Id], await _trail.FindAsync(new AuditTrailSearch(new DateTime(2026, 1, 16), Actor: actor)));
        Assert.Equal([summer.Id], await _trail.FindAsync(new AuditTrailSearch(new DateTime(2026, 7, 15), Actor: actor)));
    }

    [Fact]
    public async Task BadRequests_AreFieldErrors_AllAtOnce()
    {
        var result = await _trail.SearchAsync(new AuditTrailSearch(
            new DateTime(2026, 2, 2), new DateTime(2026, 2, 2), new string('a', AuditEntry.MaxActorLength + 1), "account.nope",
            Cursor: "not a cursor", PageSize: 0));

        Assert.Equal(ErrorCodes.ValidationFailed, result.FailureCode);
        Assert.Equal(
            [(ErrorCodes.OutOfRange, "PageSize"), (ErrorCodes.InvalidValue, "Before"), (ErrorCodes.InvalidValue, "Event"),
                (ErrorCodes.TooLong, "Actor"), (ErrorCodes.InvalidValue, "Cursor")],
            result.Errors.Select(e => (e.Code, e.Field!)));
        Assert.Equal("La fin de la période précède son début.", result.Errors[1].Message);
        Assert.False((await _trail.SearchAsync(new AuditTrailSearch(PageSize: AuditTrailSearch.MaxPageSize + 1))).Succeeded);
    }

    [Fact]
    public async Task Keyset_EqualInstants_TiesBrokenById_NoDuplicateNorGap_ForwardAndBack_AndTheLastPage()
    {
        var actor = TestAuditTrail.Tag();
        var now = server.Clock.GetUtcNow();
        var entries = new List<AuditEntry> { await _trail.AddAsync(actor, now.AddMinutes(-1)) };
        for (var i = 0; i < 5; i++)
        {
            entries.Add(await _trail.AddAsync(actor, now.AddMinutes(-5)));
        }

        // Recorded later, but of an earlier instant: the trail's order is the instant's.
        entries.Add(await _trail.AddAsync(actor, now.AddMinutes(-9)));
        var expected = entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => e.Id).ToList();
        var search = new AuditTrailSearch(Actor: actor, PageSize: 2);

        var forward = await _trail.AllPagesAsync(search);

        Assert.Equal([2, 2, 2, 1], forward.Select(p => p.Rows.Count));
        Assert.Equal(expected, forward.SelectMany(p => p.Rows).Select(r => r.Entry.Id));
        Assert.Null(forward[0].Previous);
        Assert.Null(forward[^1].Next);
        var back = new List<AuditTrailPage> { forward[^1] };
        while (back[^1].Previous is { } previous)
        {
            back.Add((await _trail.SearchAsync(search with { Cursor = previous })).Value);
        }

        Assert.Equal(forward.Select(p => string.Join(",", p.Rows.Select(r => r.Entry.Id))).Reverse(),
            back.Select(p => string.Join(",", p.Rows.Select(r => r.Entry.Id))));
        var last = (await _trail.SearchAsync(search with { Cursor = AuditTrailSearch.LastPage })).Value;
        Assert.Equal([expected[^2], expected[^1]], last.Rows.Select(r => r.Entry.Id));
        Assert.Null(last.Next);
        Assert.Equal([expected[^4], expected[^3]],
            (await _trail.SearchAsync(search with { Cursor = last.Previous })).Value.Rows.Select(r => r.Entry.Id));
    }

    [Fact]
    public async Task PageSize_DefaultsToFifty()
    {
        var actor = TestAuditTrail.Tag();
        await AddManyAsync(actor, 51);

        var page = (await _trail.SearchAsync(new AuditTrailSearch(Actor: actor))).Value;

        Assert.Equal(AuditTrailSearch.DefaultPageSize, page.Rows.Count);
        Assert.NotNull(page.Next);
    }

    [Fact]
    public async Task SubjectThatIsAFilesLogin_CarriesItsFolderNumber()
    {
        var files = new TestFiles(server);
        var wl = await files.WhiteLabelAsync();
        var file = await files.AddAsync(wl);
        var actor = TestAuditTrail.Tag();
        await _trail.AddAsync(actor, whiteLabelId: wl, subject: file.Login);
        await _trail.AddAsync(actor, whiteLabelId: wl, subject: TestAuditTrail.Tag());
        await _trail.AddAsync(actor, subject: file.Login);

        var rows = (await _trail.SearchAsync(new AuditTrailSearch(Actor: actor))).Value.Rows;

        // Only an entry of a white label names a file: a staff email that happened to look like a login would not.
        Assert.Equal([null, null, file.FolderNumber], rows.Select(r => r.FileFolderNumber));
    }

    [Fact]
    public async Task Export_EveryPage_NewestFirst_AndRecordsWhoExportedWhichFilters()
    {
        var actor = TestAuditTrail.Tag();
        await AddManyAsync(actor, 120);
        var expected = (await _trail.FindAsync(new AuditTrailSearch(Actor: actor))).ToList();
        var staff = StaffCaller.For($"{TestAuditTrail.Tag("x")}@guichet.test", "10.1.2.3");

        var exported = await _trail.ExportAsync(new AuditTrailSearch(new DateTime(2020, 1, 1), Actor: actor), staff);

        Assert.True(exported.Succeeded);
        Assert.Equal(expected, exported.Value.Select(r => r.Id));
        Assert.Equal(120, expected.Count);
        var recorded = await server.InDbAsync(db => db.AuditEntries.SingleAsync(e => e.Actor == staff.AuditName));
        Assert.Equal((AuditEvents.AuditTrailExported, "10.1.2.3", $"from=2020-01-01T00:00; actor={actor}"),
            (recorded.Event, recorded.RemoteAddress, recorded.Detail));
    }

    [Fact]
    public async Task Export_BadFilters_RecordsNothing()
    {
        var staff = StaffCaller.For($"{TestAuditTrail.Tag("x")}@guichet.test", "10.1.2.3");

        var exported = await _trail.ExportAsync(new AuditTrailSearch(Event: "account.nope"), staff);

        Assert.Equal([(ErrorCodes.InvalidValue, "Event")], exported.Errors.Select(e => (e.Code, e.Field!)));
        Assert.False(await server.InDbAsync(db => db.AuditEntries.AnyAsync(e => e.Actor == staff.AuditName)));
    }

    private Task<int> AddManyAsync(string actor, int count)
    {
        var now = server.Clock.GetUtcNow();
        return server.InDbAsync(db =>
        {
            for (var i = 0; i < count; i++)
            {
                db.AuditEntries.Add(new AuditEntry
                {
                    At = new DateTimeOffset((now.UtcTicks - (now.UtcTicks % 10)) - (i * TimeSpan.TicksPerSecond), TimeSpan.Zero),
                    Actor = actor,
                    Event = AuditEvents.AccountModified,
                });
            }

            return db.SaveChangesAsync();
        });
    }
}

public sealed class SearchAuditTrailTestsOnSqlite(SqliteServerFixture server) : SearchAuditTrailTests(server), IClassFixture<SqliteServerFixture>;

public sealed class SearchAuditTrailTestsOnPostgres(PostgresServerFixture server)
    : SearchAuditTrailTests(server), IClassFixture<PostgresServerFixture>;
