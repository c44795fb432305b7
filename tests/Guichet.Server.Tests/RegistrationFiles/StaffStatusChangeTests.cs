using Guichet.Application.Accounts;
using Guichet.Application.Accounts.Files;
using Guichet.Data;
using Guichet.Domain.Accounts;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Server.Tests.RegistrationFiles;

/// <summary>Staff moving files through the state machine: the same use case as SOAP changeAccountStatus, single or in bulk.</summary>
public abstract class StaffStatusChangeTests(GuichetServer server)
{
    private const string AgentAuditName = "staff:agent.dupont@guichet.example";

    private readonly TestFiles _files = new(server);

    private Task<List<AuditEntry>> StateChangesAsync(string login) =>
        server.InDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Subject == login && e.Event == AuditEvents.AccountStateChanged)
            .OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task AllowedAction_MovesTheFile_AuditSaysWhoFromWhere()
    {
        var wl = await _files.WhiteLabelAsync();
        var file = await _files.AddAsync(wl, server.Clock.GetUtcNow().AddDays(-3));
        var shown = (await _files.ViewAsync(file.Id)).Value;

        var change = await _files.ChangeAsync(file.Id, AccountAction.VALIDATE, shown.Version);

        Assert.True(change.Result.Succeeded);
        Assert.Equal(AccountState.BO_VALIDATED, change.Result.Value);
        var stored = await _files.StoredAsync(file.Id);
        Assert.Equal((AccountState.BO_VALIDATED, stored.Version), (change.Current!.State, change.Current.Version));
        Assert.NotEqual(shown.Version, stored.Version);
        var audit = Assert.Single(await StateChangesAsync(file.Login));
        Assert.Equal((AgentAuditName, "10.20.30.40", "WAIT_FOR_FILES", "BO_VALIDATED", "VALIDATE"),
            (audit.Actor, audit.RemoteAddress, audit.FromValue, audit.ToValue, audit.Detail));
        // Waiting since the move, not since the creation.
        Assert.True((await _files.ViewAsync(file.Id)).Value.StateChangedAt > server.Clock.GetUtcNow().AddMinutes(-1));
    }

    [Fact]
    public async Task Reject_WithAReason_KeptInTheAuditTrail()
    {
        var wl = await _files.WhiteLabelAsync();
        var file = await _files.AddAsync(wl);

        var change = await _files.ChangeAsync(file.Id, AccountAction.REJECT, reason: "  Kbis illisible, à renvoyer.  ");

        Assert.Equal(AccountState.BO_REJECTED, change.Result.Value);
        var audit = Assert.Single(await StateChangesAsync(file.Login));
        Assert.Equal((AgentAuditName, "REJECT: Kbis illisible, à renvoyer."), (audit.Actor, audit.Detail));
    }

    [Theory]
    [InlineData(null, ErrorCodes.Required)]
    [InlineData("   ", ErrorCodes.Required)]
    [InlineData("501", ErrorCodes.TooLong)]
    public async Task Reject_WithoutAReasonOrTooLong_RefusedAndNothingWritten(string? reason, string code)
    {
        var wl = await _files.WhiteLabelAsync();
        var file = await _files.AddAsync(wl);
        var before = await _files.StoredAsync(file.Id);

        var change = await _files.ChangeAsync(file.Id, AccountAction.REJECT, reason: reason == "501" ? new string('x', 501) : reason);

        Assert.Equal(ErrorCodes.ValidationFailed, change.Result.FailureCode);
        var error = Assert.Single(change.Result.Errors);
        Assert.Equal((code, nameof(StatusChange.Reason)), (error.Code, error.Field));
        Assert.Equal(before, await _files.StoredAsync(file.Id));
        Assert.Empty(await StateChangesAsync(file.Login));
    }

    [Fact]
    public async Task ActionNotAllowedFromTheState_Refused_WithTheCurrentState()
    {
        var wl = await _files.WhiteLabelAsync();
        var file = await _files.AddAsync(wl, state: AccountState.WAIT_FOR_FILES);

        var change = await _files.ChangeAsync(file.Id, AccountAction.ENROLL);

        Assert.Equal(ErrorCodes.TransitionNotAllowed, change.Result.FailureCode);
        Assert.Contains("« Enrôler » n'est pas possible", change.Result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("« Valider »", change.Result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(AccountState.WAIT_FOR_FILES, change.Current!.State);
        Assert.Equal(AccountState.WAIT_FOR_FILES, (await _files.StoredAsync(file.Id)).State);
        Assert.Empty(await StateChangesAsync(file.Login));
    }

    [Fact]
    public async Task StaleVersion_ConcurrentModification_TellsTheCurrentState_AppliesNothing()
    {
        var wl = await _files.WhiteLabelAsync();
        var file = await _files.AddAsync(wl);
        var shown = (await _files.ViewAsync(file.Id)).Value;
        await _files.ChangeAsync(file.Id, AccountAction.BACK_TO_STATE_SUSPENDED, actor: StaffCaller.For("autre@guichet.example", null));

        var change = await _files.ChangeAsync(file.Id, AccountAction.VALIDATE, shown.Version);

        Assert.Equal(ErrorCodes.ConcurrentModification, change.Result.FailureCode);
        Assert.StartsWith("Le dossier a été modifié entre-temps", change.Result.Errors[0].Message, StringComparison.Ordinal);
        var stored = await _files.StoredAsync(file.Id);
        Assert.Equal((AccountState.CREATION_SUSPENDED, stored.Version), (change.Current!.State, change.Current.Version));
        Assert.Equal(AccountState.CREATION_SUSPENDED, stored.State);
        Assert.Single(await StateChangesAsync(file.Login));
    }

    /// <summary>The file was read, then changed by someone else before this change was saved: the save itself refuses.</summary>
    [Fact]
    public async Task ChangedBetweenReadAndSave_ConcurrentModification_WithTheWinnersState()
    {
        var wl = await _files.WhiteLabelAsync();
        var file = await _files.AddAsync(wl);
        var shown = (await _files.ViewAsync(file.Id)).Value;

        var change = await server.InScopeAsync(async services =>
        {
            // This unit of work holds the file as it was read...
            await services.GetRequiredService<GuichetDbContext>().Accounts.SingleAsync(a => a.Id == file.Id);
            // ...when another one changes it.
            Assert.True((await _files.ChangeAsync(file.Id, AccountAction.REJECT, reason: "Dossier en double.")).Result.Succeeded);
            return await services.GetRequiredService<ChangeAccountStatus>()
                .HandleAsync(
                    new StatusChange(TestFiles.Agent, AccountAction.VALIDATE, AccountId: file.Id, ExpectedVersion: shown.Version),
                    CancellationToken.None);
        });

        Assert.Equal(ErrorCodes.ConcurrentModification, change.Result.FailureCode);
        Assert.StartsWith("Le dossier a été modifié entre-temps", change.Result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(AccountState.BO_REJECTED, change.Current!.State);
        Assert.Equal(AccountState.BO_REJECTED, (await _files.StoredAsync(file.Id)).State);
        Assert.Single(await StateChangesAsync(file.Login));
    }

    [Fact]
    public async Task TwoStaffAtOnce_OneWins_TheOtherSeesTheWinnersState()
    {
        var wl = await _files.WhiteLabelAsync();
        var file = await _files.AddAsync(wl);
        var shown = (await _files.ViewAsync(file.Id)).Value;

        var changes = await Task.WhenAll(
            _files.ChangeAsync(file.Id, AccountAction.VALIDATE, shown.Version, actor: StaffCaller.For("a@guichet.example", "10.0.0.1")),
            _files.ChangeAsync(file.Id, AccountAction.REJECT, shown.Version, "Pièce manquante.", StaffCaller.For("b@guichet.example", "10.0.0.2")));

        var winner = Assert.Single(changes, c => c.Result.Succeeded);
        var loser = Assert.Single(changes, c => !c.Result.Succeeded);
        Assert.Equal(ErrorCodes.ConcurrentModification, loser.Result.FailureCode);
        Assert.Equal(winner.Result.Value, loser.Current!.State);
        Assert.Equal(winner.Result.Value, (await _files.StoredAsync(file.Id)).State);
        Assert.Single(await StateChangesAsync(file.Login));
    }

    [Fact]
    public async Task AdministratorOrUnknownFile_NotFound()
    {
        var credentials = await server.CreateWhiteLabelAsync();
        var (login, _) = await server.CreateAdministratorAsync(credentials.WhiteLabel.Code);
        var adminId = await server.InDbAsync(db => db.Accounts.Where(a => a.Login == login).Select(a => a.Id).SingleAsync());

        var admin = await _files.ChangeAsync(adminId, AccountAction.DISABLE);
        var unknown = await _files.ChangeAsync(Guid.NewGuid(), AccountAction.VALIDATE);

        Assert.Equal((ErrorCodes.AccountNotFound, null), (admin.Result.FailureCode, admin.Current));
        Assert.Equal(ErrorCodes.AccountNotFound, unknown.Result.FailureCode);
        Assert.Equal(AccountState.REGISTERED, (await _files.StoredAsync(adminId)).State);
    }

    [Fact]
    public async Task Bulk_MixOfAllowedAndNot_ResultPerFile_OnlyTheAllowedChanged()
    {
        var wl = await _files.WhiteLabelAsync();
        var waiting = await _files.AddAsync(wl, state: AccountState.WAIT_FOR_FILES);
        var registered = await _files.AddAsync(wl, state: AccountState.REGISTERED);
        var rejected = await _files.AddAsync(wl, state: AccountState.BO_REJECTED);
        var unknown = Guid.NewGuid();

        var results = (await BulkAsync([waiting.Id, registered.Id, rejected.Id, unknown, waiting.Id], AccountAction.VALIDATE)).Value;

        Assert.Equal([waiting.Id, registered.Id, rejected.Id, unknown], results.Select(r => r.Id));
        Assert.Equal(
            [
                (waiting.FolderNumber, true, AccountState.BO_VALIDATED, null),
                (registered.FolderNumber, false, AccountState.REGISTERED, ErrorCodes.TransitionNotAllowed),
                (rejected.FolderNumber, true, AccountState.BO_VALIDATED, null),
                (null, false, (AccountState?)null, ErrorCodes.AccountNotFound),
            ],
            results.Select(r => (r.FolderNumber, r.Succeeded, r.State, r.Error?.Code)));
        Assert.Equal(AccountState.BO_VALIDATED, (await _files.StoredAsync(waiting.Id)).State);
        Assert.Equal(AccountState.REGISTERED, (await _files.StoredAsync(registered.Id)).State);
        Assert.Equal(AccountState.BO_VALIDATED, (await _files.StoredAsync(rejected.Id)).State);
        Assert.Equal(AgentAuditName, Assert.Single(await StateChangesAsync(rejected.Login)).Actor);
        Assert.Empty(await StateChangesAsync(registered.Login));
    }

    [Fact]
    public async Task Bulk_Enrol_QueuesTheEnrolmentOfTheValidatedOnes()
    {
        var wl = await _files.WhiteLabelAsync();
        var validated = await _files.AddAsync(wl, state: AccountState.BO_VALIDATED);
        var waiting = await _files.AddAsync(wl, state: AccountState.WAIT_FOR_FILES);

        var results = (await BulkAsync([validated.Id, waiting.Id], AccountAction.ENROLL)).Value;

        Assert.Equal([true, false], results.Select(r => r.Succeeded));
        Assert.Equal(AccountState.REGISTRATION_IN_PROGRESS, results[0].State);
        // The enrolment worker takes it from there.
        Assert.Contains((await _files.StoredAsync(validated.Id)).State, new[] { AccountState.REGISTRATION_IN_PROGRESS, AccountState.REGISTERED });
        Assert.Equal(AccountState.WAIT_FOR_FILES, (await _files.StoredAsync(waiting.Id)).State);
    }

    [Fact]
    public async Task Bulk_BadRequests_RefusedAndNothingWritten()
    {
        var wl = await _files.WhiteLabelAsync();
        var file = await _files.AddAsync(wl);

        var none = await BulkAsync([], AccountAction.VALIDATE);
        var tooMany = await BulkAsync([.. Enumerable.Range(0, 200).Select(_ => Guid.NewGuid()), file.Id], AccountAction.VALIDATE);
        var reject = await BulkAsync([file.Id], AccountAction.REJECT);
        var noAction = await BulkAsync([file.Id], null);

        Assert.Equal([ErrorCodes.Required], none.Errors.Select(e => e.Code));
        Assert.Equal([ErrorCodes.OutOfRange], tooMany.Errors.Select(e => e.Code));
        Assert.Equal([ErrorCodes.InvalidValue], reject.Errors.Select(e => e.Code));
        Assert.Equal([ErrorCodes.Required], noAction.Errors.Select(e => e.Code));
        Assert.All(new[] { none, tooMany, reject, noAction }, r => Assert.Equal(ErrorCodes.ValidationFailed, r.FailureCode));
        Assert.Equal(AccountState.WAIT_FOR_FILES, (await _files.StoredAsync(file.Id)).State);
    }

    private Task<Result<IReadOnlyList<FileStatusChangeResult>>> BulkAsync(IReadOnlyCollection<Guid> ids, AccountAction? action) =>
        server.InScopeAsync(services => services.GetRequiredService<ChangeRegistrationFilesStatus>()
            .HandleAsync(ids, action, TestFiles.Agent, CancellationToken.None));
}

public sealed class StaffStatusChangeTestsOnSqlite(SqliteServerFixture server) : StaffStatusChangeTests(server), IClassFixture<SqliteServerFixture>;

public sealed class StaffStatusChangeTestsOnPostgres(PostgresServerFixture server)
    : StaffStatusChangeTests(server), IClassFixture<PostgresServerFixture>;
