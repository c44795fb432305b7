namespace Guichet.Server.Soap.Contract;

/// <summary>§2.4 and §3.4: the folder number, the final login and the password (chosen or generated).</summary>
public sealed class RegistrationResult
{
    public string FolderNumber { get; set; } = string.Empty;

    public string Login { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;

    public AccountState State { get; set; }
}

/// <summary>§4.4, §5.3 and §6.5: the account's login and its state.</summary>
public sealed class AccountStateResult
{
    public string Login { get; set; } = string.Empty;

    public AccountState State { get; set; }
}
