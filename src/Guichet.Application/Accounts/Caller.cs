using Guichet.Domain.Accounts;
using Guichet.Domain.WhiteLabels;

namespace Guichet.Application.Accounts;

/// <summary>Who is calling: always a white label, and for every operation but registerPrimaryAccount, one of its accounts.</summary>
public sealed record Caller(WhiteLabel WhiteLabel, Account Account, bool PasswordExpired, string? RemoteAddress) : IAccountActor
{
    public string Actor => Account.Login;

    string IAccountActor.AuditName => Actor;
}
