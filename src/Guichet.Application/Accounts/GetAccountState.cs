using Guichet.Domain.Accounts;
using Guichet.Domain.Common;

namespace Guichet.Application.Accounts;

/// <summary>Seed 004 §5: the state of an account the caller may see. The one operation open to an account not yet REGISTERED.</summary>
public sealed class GetAccountState(AccountStore accounts)
{
    public async Task<Result<AccountState>> HandleAsync(Caller caller, string? login, CancellationToken cancellationToken)
    {
        // One's own state (an SSO portal's usual question): the row the authentication just read.
        var account = Account.NormalizeLogin(login) == caller.Account.Login
            ? caller.Account
            : await accounts.FindFactsAsync(login, cancellationToken);
        if (account is null)
        {
            return Result<AccountState>.Failure(AccountErrors.NotFound(login ?? string.Empty));
        }

        if (AccountAccess.Check(caller, account, AccountOperation.GetState) is { } denied)
        {
            return Result<AccountState>.Failure(denied);
        }

        return account.State;
    }
}
