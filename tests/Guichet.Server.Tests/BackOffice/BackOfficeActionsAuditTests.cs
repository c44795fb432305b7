using System.Net;
using Guichet.Domain.Accounts;
using Guichet.Domain.Auditing;
using Guichet.Domain.Staff;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.RegistrationFiles;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.BackOffice;

/// <summary>
/// "Every back-office action is recorded: who, when, from which address, what changed": each action done through its
/// real page, and the entry it leaves (actor <c>staff:&lt;email&gt;</c>, event, subject, from/to or detail, address).
/// </summary>
public abstract class BackOfficeActionsAuditTests(GuichetServer server)
{
    private const string Address = "127.0.0.1";

    private readonly TestFiles _files = new(server);

    [Fact]
    public async Task FirstSignIn_RecordsThePasswordChange_TheEnrolment_AndTheSignIn_ThenASignInByCode()
    {
        var before = server.Clock.GetUtcNow().AddSeconds(-1);
        using var staff = await SignedInStaff.SignInAsync(server);
        await staff.SignInAgainAsync();

        var entries = await EntriesAsync(staff.Email);

        Assert.Equal(
            [
                (AuditEvents.StaffPasswordChanged, null), (AuditEvents.StaffTotpEnrolled, null), (AuditEvents.StaffSignedIn, "totp enrolment"),
                (AuditEvents.StaffSignedIn, "totp code"),
            ],
            entries.Where(e => e.Event != AuditEvents.StaffMemberCreated).Select(e => (e.Event, e.Detail)));
        Assert.All(entries.Where(e => e.Event != AuditEvents.StaffMemberCreated),
            e => Assert.Equal((staff.AuditName, Address), (e.Actor, e.RemoteAddress)));
        Assert.All(entries, e => Assert.True(e.At >= before));
    }

    [Fact]
    public async Task WrongPassword_IsRecordedAsAFailure()
    {
        var created = await SignedInStaff.CreateAsync(server);
        using var visitor = new WebVisitor(server);

        using var response = await visitor.SubmitAsync("/back-office/connexion", "/back-office/connexion", ("Email", created.Email),
            ("Password", "pas-le-bon"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Assert.Single(await EntriesAsync(created.Email, AuditEvents.StaffAuthenticationFailed));
        Assert.Equal(("staff:" + created.Email, created.Email, Address, "password"), (entry.Actor, entry.Subject, entry.RemoteAddress, entry.Detail));
    }

    [Fact]
    public async Task WrongCode_IsRecordedAsAFailure()
    {
        using var staff = await SignedInStaff.SignInAsync(server);
        SignedInStaff.IntoNextStep(server);
        using var visitor = new WebVisitor(server);
        using var password = await visitor.SubmitAsync("/back-office/connexion", "/back-office/connexion", ("Email", staff.Email),
            ("Password", SignedInStaff.Password));

        using var response = await visitor.SubmitAsync("/back-office/connexion/code", "/back-office/connexion/code", ("Code", "000000"));

        var entry = Assert.Single(await EntriesAsync(staff.Email, AuditEvents.StaffAuthenticationFailed));
        Assert.Equal((staff.AuditName, staff.Email, Address, "totp code"), (entry.Actor, entry.Subject, entry.RemoteAddress, entry.Detail));
    }

    [Fact]
    public async Task SignOut_IsRecorded()
    {
        using var staff = await SignedInStaff.SignInAsync(server);

        using var response = await staff.Visitor.SubmitAsync("/back-office", "/back-office/deconnexion");

        Assert.Equal("/back-office/connexion", WebVisitor.RedirectPath(response));
        var entry = Assert.Single(await EntriesAsync(staff.Email, AuditEvents.StaffSignedOut));
        Assert.Equal((staff.AuditName, Address), (entry.Actor, entry.RemoteAddress));
    }

    [Fact]
    public async Task CreateDisableEnableReset_ByAnAdministrator_AreRecordedWithWhatChanged()
    {
        using var admin = await SignedInStaff.SignInAsync(server, StaffRole.Administrator);
        var email = $"n-{Guid.NewGuid():N}@guichet.test";

        using var created = await admin.Visitor.SubmitAsync("/back-office/equipe/ajouter", "/back-office/equipe/ajouter", ("Email", email),
            ("DisplayName", "Noé Nouveau"), ("Role", "agent"));
        var id = await server.InDbAsync(db => db.StaffMembers.Where(s => s.Email == email).Select(s => s.Id).SingleAsync());
        var page = $"/back-office/equipe/{id}";
        using var disabled = await admin.Visitor.SubmitAsync(page, page + "?handler=Desactiver", ("confirmation", "true"));
        using var enabled = await admin.Visitor.SubmitAsync(page, page + "?handler=Reactiver");
        using var reset = await admin.Visitor.SubmitAsync(page, page + "?handler=Reinitialiser", ("confirmationReinitialisation", "true"));

        var entries = await EntriesAsync(email);
        Assert.Equal(
            [
                (AuditEvents.StaffMemberCreated, null, "Agent", null), (AuditEvents.StaffMemberDisabled, "enabled", "disabled", null),
                (AuditEvents.StaffMemberEnabled, "disabled", "enabled", null),
                (AuditEvents.StaffMemberReset, null, null, "one-time password; authenticator and 0 recovery codes removed"),
            ],
            entries.Select(e => (e.Event, e.FromValue, e.ToValue, e.Detail)));
        Assert.All(entries, e => Assert.Equal((admin.AuditName, Address), (e.Actor, e.RemoteAddress)));
    }

    [Fact]
    public async Task FileStatusChange_AndRejectionReason_AreRecordedOnTheFile()
    {
        using var staff = await FilesStaff.SignInAsync(server);
        var file = await _files.AddAsync(await _files.WhiteLabelAsync(), state: AccountState.WAIT_FOR_FILES);
        var (_, shown) = await staff.GetAsync(FilesStaff.FilePath(file.FolderNumber));

        using var rejected = await staff.ActAsync(file.FolderNumber, shown, "REJECT", reason: "Kbis illisible");
        var (_, after) = await staff.GetAsync(FilesStaff.FilePath(file.FolderNumber));
        using var validated = await staff.ActAsync(file.FolderNumber, after, "VALIDATE");

        var entries = await EntriesAsync(file.Login, AuditEvents.AccountStateChanged);
        Assert.Equal(
            [("WAIT_FOR_FILES", "BO_REJECTED", "REJECT: Kbis illisible"), ("BO_REJECTED", "BO_VALIDATED", "VALIDATE")],
            entries.Select(e => (e.FromValue!, e.ToValue!, e.Detail!)));
        Assert.All(entries, e => Assert.Equal((staff.AuditName, Address, (Guid?)file.WhiteLabelId), (e.Actor, e.RemoteAddress, e.WhiteLabelId)));
    }

    [Fact]
    public async Task BulkValidation_RecordsEachFile()
    {
        using var staff = await FilesStaff.SignInAsync(server);
        var wl = await _files.WhiteLabelAsync();
        var one = await _files.AddAsync(wl, state: AccountState.WAIT_FOR_FILES);
        var two = await _files.AddAsync(wl, state: AccountState.BO_REJECTED);

        using var response = await staff.Visitor.SubmitAsync(
            $"/back-office/dossiers?marque={wl}", $"/back-office/dossiers?handler=Selection&marque={wl}",
            ("dossier", one.Id.ToString()), ("dossier", two.Id.ToString()), ("operation", "VALIDATE"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var (file, from) in new[] { (one, "WAIT_FOR_FILES"), (two, "BO_REJECTED") })
        {
            var entry = Assert.Single(await EntriesAsync(file.Login, AuditEvents.AccountStateChanged));
            Assert.Equal((staff.AuditName, from, "BO_VALIDATED", "VALIDATE", Address), (entry.Actor, entry.FromValue, entry.ToValue, entry.Detail,
                entry.RemoteAddress));
        }
    }

    private Task<List<AuditEntry>> EntriesAsync(string subject, string? auditEvent = null) => server.InDbAsync(db => db.AuditEntries.AsNoTracking()
        .Where(e => e.Subject == subject && (auditEvent == null || e.Event == auditEvent)).OrderBy(e => e.Id).ToListAsync());
}

public sealed class BackOfficeActionsAuditTestsOnSqlite(SqliteServerFixture server)
    : BackOfficeActionsAuditTests(server), IClassFixture<SqliteServerFixture>;

public sealed class BackOfficeActionsAuditTestsOnPostgres(PostgresServerFixture server)
    : BackOfficeActionsAuditTests(server), IClassFixture<PostgresServerFixture>;
