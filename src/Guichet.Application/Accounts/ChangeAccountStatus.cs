using Guichet.Data;
using Guichet.Domain.Accounts;
using Guichet.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Accounts;

/// <summary>
/// A request to apply an action of the state machine to one account, found by its login (SOAP) or its id (back office).
/// </summary>
/// <param name="ExpectedVersion">The <see cref="Account.Version"/> a page showed: if the file changed since, nothing is applied.</param>
/// <param name="Reason">Why, kept in the audit trail; required from staff for a REJECT. SOAP has no such field.</param>
public sealed record StatusChange(IAccountActor Actor, AccountAction? Action, string? Login = null, Guid? AccountId = null,
    Guid? ExpectedVersion = null, string? Reason = null)
{
    public const int MaxReasonLength = 500;
}

/// <summary>A file's status as it is now: what a page shows after a change, or after a change that lost a race.</summary>
public sealed record AccountStatus(Guid AccountId, string FolderNumber, string Login, AccountState State, Guid Version);

/// <summary>
/// The new state, or why not; with <see cref="Current"/>, the file's status after the attempt whenever the actor may
/// see the file (null when it is not found or not theirs).
/// </summary>
public sealed record StatusChangeResult(Result<AccountState> Result, AccountStatus? Current);

/// <summary>
/// Seed 004 §6: apply an action of the state machine (<see cref="AccountStateMachine"/>) to an account. The one
/// implementation behind SOAP <c>changeAccountStatus</c> and the back office's actions, single or in bulk.
/// </summary>
public sealed class ChangeAccountStatus(GuichetDbContext db, AccountStore accounts)
{
    /// <summary>The field SOAP reports a missing action on (the operation's element).</summary>
    public const string ActionField = "action";

    public async Task<StatusChangeResult> HandleAsync(StatusChange request, CancellationToken cancellationToken)
    {
        var staff = request.Actor as StaffCaller;
        if (request.Action is not { } action)
        {
            return Failed(Result<AccountState>.Failure(ErrorCodes.ValidationFailed, [AccountErrors.ActionRequired(ActionField)]));
        }

        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        if (reason is { Length: > StatusChange.MaxReasonLength })
        {
            return Failed(Result<AccountState>.Failure(ErrorCodes.ValidationFailed,
                [AccountErrors.ReasonTooLong(nameof(StatusChange.Reason), StatusChange.MaxReasonLength)]));
        }

        if (staff is not null && action == AccountAction.REJECT && reason is null)
        {
            return Failed(Result<AccountState>.Failure(ErrorCodes.ValidationFailed, [AccountErrors.ReasonRequired(nameof(StatusChange.Reason))]));
        }

        var account = request.AccountId is { } id
            ? await db.Accounts.SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
            : await accounts.FindAsync(request.Login, cancellationToken);
        if (Denied(request, account) is { } denied)
        {
            return Failed(Result<AccountState>.Failure(denied));
        }

        if (request.ExpectedVersion is { } expected && expected != account!.Version)
        {
            return new(AccountErrors.FileChangedMeanwhile, StatusOf(account));
        }

        if (AccountStateMachine.Apply(account!.State, action) is not { } target)
        {
            var refused = staff is null
                ? AccountErrors.TransitionNotAllowed(action, account.State, AccountStateMachine.AllowedActions(account.State))
                : AccountErrors.TransitionNotAllowedForStaff(action, account.State);
            return new(refused, StatusOf(account));
        }

        var detail = reason is null ? action.ToString() : $"{action}: {reason}";
        accounts.MoveTo(account, target, request.Actor.AuditName, request.Actor.RemoteAddress, detail);
        if (await accounts.SaveAsync(cancellationToken) is { } failure)
        {
            // Lost a race with another change of the same file: tell what it is now.
            var current = await db.Accounts.AsNoTracking().Where(a => a.Id == account.Id)
                .Select(a => new AccountStatus(a.Id, a.FolderNumber, a.Login, a.State, a.Version)).SingleOrDefaultAsync(cancellationToken);
            var error = staff is not null && failure.Code == ErrorCodes.ConcurrentModification ? AccountErrors.FileChangedMeanwhile : failure;
            return new(error, current);
        }

        return new(target, StatusOf(account));
    }

    /// <summary>
    /// Whether the actor may change this account's status: a SOAP caller as §6.2 says (<see cref="AccountAccess"/>);
    /// staff on any registration file (administrators are none). Anything else is refused.
    /// </summary>
    private static Error? Denied(StatusChange request, Account? account) => request.Actor switch
    {
        Caller caller => account is null
            ? AccountErrors.NotFound(request.Login ?? string.Empty)
            : AccountAccess.Check(caller, AccountFacts.Of(account), AccountOperation.ChangeStatus),
        StaffCaller => account is null || account.Kind == AccountKind.Administrator
            ? AccountErrors.FileNotFound(request.AccountId?.ToString() ?? request.Login ?? string.Empty)
            : null,
        _ => AccountErrors.ActorNotAllowed,
    };

    private static StatusChangeResult Failed(Result<AccountState> result) => new(result, null);

    private static AccountStatus StatusOf(Account account) => new(account.Id, account.FolderNumber, account.Login, account.State, account.Version);
}
