using Guichet.Domain.Accounts;

namespace Guichet.Server.Soap;

/// <summary>§2.4 and §3.4.</summary>
public sealed class RegistrationResult
{
    public string FolderNumber { get; set; } = string.Empty;

    public string Login { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;

    public AccountState State { get; set; }
}

public sealed class AccountStateResult
{
    public string Login { get; set; } = string.Empty;

    public AccountState State { get; set; }
}
