using Guichet.Domain.Accounts;
using Guichet.Domain.WhiteLabels;

namespace Guichet.Application.Accounts;

/// <summary>Who is calling: always a white label, and for every operation but registerPrimaryAccount, one of its accounts.</summary>
/// <param name="Account">The caller's account as the authentication read it (its facts, not its file).</param>
public sealed record Caller(WhiteLabel WhiteLabel, AccountFacts Account, bool PasswordExpired, string? RemoteAddress) : IAccountActor
{
    /// <summary>
    /// The caller's own row, whole and tracked, when the operation changes it and the authentication was told so: read
    /// once for both (<see cref="AccountStore.FindForAsync"/>). Null otherwise.
    /// </summary>
    public Account? OwnRow { get; init; }

    public string Actor => Account.Login;

    string IAccountActor.AuditName => Actor;
}
