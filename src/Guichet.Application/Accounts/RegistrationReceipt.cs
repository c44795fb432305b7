namespace Guichet.Application.Accounts;

/// <summary>What §2.4 and §3.4 return: the folder number, the final login and the password (chosen or generated).</summary>
public sealed record RegistrationReceipt(string FolderNumber, string Login, string Password, Domain.Accounts.AccountState State);
