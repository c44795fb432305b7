using Guichet.Domain.Accounts;
using Guichet.Domain.Common;

namespace Guichet.Application.Accounts;

public enum AccountOperation
{
    Modify,
    GetState,
    ChangeStatus,
}

/// <summary>
/// Who may act on which account (seed 004 §4.2, §5.2, §6.2), confined to the caller's white label.
/// Fails closed: anything not granted below is refused.
/// </summary>
public static class AccountAccess
{
    /// <param name="setsNewPassword">A modification that sets a new password: the one thing an expired password may do, on its own account.</param>
    public static Error? Check(Caller caller, AccountFacts target, AccountOperation operation, bool setsNewPassword = false)
    {
        var actor = caller.Account;
        if (target.WhiteLabelId != caller.WhiteLabel.Id || target.Kind == AccountKind.Administrator)
        {
            // Another white label's accounts do not exist for this caller.
            return AccountErrors.NotFound(target.Login);
        }

        var isSelf = actor.Id == target.Id;
        // After the white-label check: another white label's account is not found, whatever the caller's password.
        if (caller.PasswordExpired && !(isSelf && operation == AccountOperation.Modify && setsNewPassword))
        {
            return AccountErrors.PasswordExpired;
        }

        var isAdministrator = actor.Kind == AccountKind.Administrator;
        var isParent = actor.Kind == AccountKind.Primary && target.PrimaryAccountId == actor.Id;

        // §2.4: until enrolled, an account may only read its own state.
        if (!isAdministrator && actor.State != AccountState.REGISTERED && !(isSelf && operation == AccountOperation.GetState))
        {
            return AccountErrors.NotActive(actor.Login, actor.State);
        }

        var allowed = operation switch
        {
            AccountOperation.Modify or AccountOperation.GetState => isAdministrator || isSelf || isParent,
            // §6.2: never one's own account.
            AccountOperation.ChangeStatus => !isSelf && (isAdministrator || isParent),
            _ => false,
        };
        return allowed ? null : AccountErrors.NoRight(actor.Login, target.Login);
    }
}
