using Guichet.Data;
using Guichet.Domain.Accounts;
using Guichet.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Accounts.Files;

/// <summary>Another account of the same family: a secondary's primary, or a primary's secondaries.</summary>
public sealed record RelatedFile(Guid Id, string FolderNumber, string Login, AccountState State);

public sealed record AuditLine(DateTimeOffset At, string Actor, string Event, string? From, string? To, string? RemoteAddress, string? Detail);

/// <param name="Attempts">The attempts that failed.</param>
/// <param name="NextAttemptAt">When a worker may do it: at once (its queuing time) unless a failure set it aside until then.</param>
public sealed record EnrolmentJobView(DateTimeOffset EnqueuedAt, int Attempts, string? LastError, DateTimeOffset NextAttemptAt);

/// <summary>An action the file's state allows, with its button label.</summary>
public sealed record ActionChoice(AccountAction Action, string Label);

/// <summary>One registration file as the back office shows it.</summary>
/// <param name="Version">To send back with an action (<see cref="StatusChange.ExpectedVersion"/>).</param>
/// <param name="Sections">Every field of the file in the seed's order (<see cref="RegistrationFileLayout"/>).</param>
/// <param name="AuditTrail">Newest first, at most <see cref="GetRegistrationFile.MaxAuditLines"/>.</param>
public sealed record RegistrationFileView(
    Guid Id,
    string FolderNumber,
    string Login,
    AccountKind Kind,
    AccountState State,
    string StateDescription,
    string WhiteLabelCode,
    string WhiteLabelName,
    AccountCategory? Category,
    bool IsTest,
    DateTimeOffset CreatedAt,
    DateTimeOffset StateChangedAt,
    DateTimeOffset? EnrolledAt,
    string? Mailbox,
    Guid Version,
    IReadOnlyList<FileSection> Sections,
    RelatedFile? Primary,
    IReadOnlyList<RelatedFile> Secondaries,
    IReadOnlyList<AuditLine> AuditTrail,
    bool AuditTrailTruncated,
    IReadOnlyList<EnrolmentJobView> EnrolmentJobs,
    IReadOnlyList<ActionChoice> AllowedActions);

/// <summary>The file page's read model: the file, its family, its audit trail, its enrolment job and the actions its state allows.</summary>
public sealed class GetRegistrationFile(GuichetDbContext db)
{
    public const int MaxAuditLines = 200;

    public async Task<Result<RegistrationFileView>> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == id && a.Kind != AccountKind.Administrator, cancellationToken);
        if (account is null)
        {
            return AccountErrors.FileNotFound(id.ToString());
        }

        var whiteLabel = await db.WhiteLabels.AsNoTracking().Where(w => w.Id == account.WhiteLabelId)
            .Select(w => new { w.Code, w.Name }).SingleAsync(cancellationToken);
        var primary = account.PrimaryAccountId is { } primaryId
            ? await db.Accounts.AsNoTracking().Where(a => a.Id == primaryId)
                .Select(a => new RelatedFile(a.Id, a.FolderNumber, a.Login, a.State)).SingleOrDefaultAsync(cancellationToken)
            : null;
        // Sorted here: asked to sort, SQLite may prefer walking the Login index over seeking PrimaryAccountId.
        var secondaries = account.Kind == AccountKind.Primary
            ? (await db.Accounts.AsNoTracking().Where(a => a.PrimaryAccountId == account.Id)
                .Select(a => new RelatedFile(a.Id, a.FolderNumber, a.Login, a.State)).ToListAsync(cancellationToken))
                .OrderBy(a => a.Login, StringComparer.Ordinal).ToList()
            : [];
        // Read from (Subject, At); one more line than shown says whether there are more.
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.Subject == account.Login)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(MaxAuditLines + 1)
            .Select(e => new AuditLine(e.At, e.Actor, e.Event, e.FromValue, e.ToValue, e.RemoteAddress, e.Detail))
            .ToListAsync(cancellationToken);
        var truncated = audit.Count > MaxAuditLines;
        var jobs = await db.EnrolmentJobs.AsNoTracking().Where(j => j.AccountId == account.Id).OrderBy(j => j.Id)
            .Select(j => new EnrolmentJobView(j.EnqueuedAt, j.Attempts, j.LastError, j.LeasedUntil ?? j.EnqueuedAt))
            .ToListAsync(cancellationToken);

        return new RegistrationFileView(
            account.Id, account.FolderNumber, account.Login, account.Kind, account.State, AccountStateDescriptions.Of(account.State),
            whiteLabel.Code, whiteLabel.Name, account.Category, account.IsTest, account.CreatedAt, account.StateChangedAt, account.EnrolledAt,
            account.Mailbox, account.Version,
            account.Data is null ? [] : RegistrationFileLayout.Sections(account.Data),
            primary, secondaries,
            truncated ? audit[..MaxAuditLines] : audit, truncated,
            jobs,
            [.. AccountStateMachine.AllowedActions(account.State).Select(a => new ActionChoice(a, AccountActionLabels.Of(a)))]);
    }
}
