using Guichet.Domain.Accounts;
using Guichet.Domain.Common;

namespace Guichet.Application.Accounts;

/// <summary>Seed 004 §5: the state of an account the caller may see. The one operation open to an account not yet REGISTERED.</summary>
public sealed class GetAccountState(AccountStore accounts)
{
    public async Task<Result<AccountState>> HandleAsync(Caller caller, string? login, CancellationToken cancellationToken)
    {
        var account = await accounts.FindAsync(login, cancellationToken);
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
