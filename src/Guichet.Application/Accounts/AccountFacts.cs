using System.Linq.Expressions;
using Guichet.Domain.Accounts;

namespace Guichet.Application.Accounts;

/// <summary>
/// What the access rules (<see cref="AccountAccess"/>) and a state read need of an account: a few columns, read without
/// tracking. Not the registration file: its JSON, deserialised and snapshotted for change tracking, is most of what
/// reading a whole account costs, and a call that only reads has no use for it.
/// </summary>
public sealed record AccountFacts(Guid Id, Guid WhiteLabelId, string Login, AccountKind Kind, AccountState State, Guid? PrimaryAccountId)
{
    /// <summary>The columns to select (<c>Select(AccountFacts.Columns)</c>).</summary>
    public static readonly Expression<Func<Account, AccountFacts>> Columns =
        a => new AccountFacts(a.Id, a.WhiteLabelId, a.Login, a.Kind, a.State, a.PrimaryAccountId);

    /// <summary>The same, of a row already read whole.</summary>
    public static AccountFacts Of(Account account) =>
        new(account.Id, account.WhiteLabelId, account.Login, account.Kind, account.State, account.PrimaryAccountId);
}
