namespace Guichet.Application.Accounts;

/// <summary>
/// Who acts on an account, as a use case shared by several doors sees them: a SOAP <see cref="Caller"/> (authorized
/// by <see cref="AccountAccess"/>) or a <see cref="StaffActor"/> (authorized by the back office's door policies).
/// </summary>
public interface IAccountActor
{
    /// <summary>The audit trail's actor: the account's login, or <c>staff:&lt;email&gt;</c>.</summary>
    string AuditName { get; }

    string? RemoteAddress { get; }
}

/// <summary>
/// A member of staff acting from the back office. The door's policies decided that they may; the use case only needs
/// their audit identity (<see cref="For"/>) and address.
/// </summary>
public sealed record StaffActor(string AuditName, string? RemoteAddress) : IAccountActor
{
    public const string AuditPrefix = "staff:";

    public static StaffActor For(string email, string? remoteAddress) => new(AuditPrefix + email.Trim().ToLowerInvariant(), remoteAddress);
}
