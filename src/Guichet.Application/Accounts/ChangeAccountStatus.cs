using Guichet.Domain.Accounts;
using Guichet.Domain.Common;

namespace Guichet.Application.Accounts;

/// <summary>Seed 004 §6: apply an action of the state machine to an account. Shared by the SOAP service and the back office.</summary>
public sealed class ChangeAccountStatus(AccountStore accounts)
{
    public async Task<Result<AccountState>> HandleAsync(Caller caller, string? login, AccountAction? action, CancellationToken cancellationToken)
    {
        if (action is null)
        {
            return Result<AccountState>.Failure(ErrorCodes.ValidationFailed, [new Error(ErrorCodes.Required, "L'action est obligatoire.", "action")]);
        }

        var account = await accounts.FindAsync(login, cancellationToken);
        if (account is null)
        {
            return Result<AccountState>.Failure(AccountAccess.NotFound(login ?? string.Empty));
        }

        if (caller.PasswordExpired)
        {
            return Result<AccountState>.Failure(new Error(ErrorCodes.PasswordExpired, "Le mot de passe a expiré : changez-le en modifiant votre propre compte."));
        }

        if (AccountAccess.Check(caller, account, AccountOperation.ChangeStatus) is { } denied)
        {
            return Result<AccountState>.Failure(denied);
        }

        return await ApplyAsync(account, action.Value, caller.Actor, caller.RemoteAddress, cancellationToken);
    }

    /// <summary>The transition itself, for callers already authorized (the back office).</summary>
    public async Task<Result<AccountState>> ApplyAsync(Account account, AccountAction action, string actor, string? remoteAddress, CancellationToken cancellationToken)
    {
        if (AccountStateMachine.Apply(account.State, action) is not { } target)
        {
            var allowed = AccountStateMachine.AllowedActions(account.State);
            return Result<AccountState>.Failure(new Error(ErrorCodes.TransitionNotAllowed,
                $"L'action {action} n'est pas possible depuis l'état {account.State}. Actions possibles : {(allowed.Count == 0 ? "aucune" : string.Join(", ", allowed))}."));
        }

        accounts.MoveTo(account, target, actor, remoteAddress, action.ToString());
        if (await accounts.SaveAsync(cancellationToken) is { } failure)
        {
            return Result<AccountState>.Failure(failure);
        }

        return target;
    }
}
