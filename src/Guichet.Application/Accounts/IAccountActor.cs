namespace Guichet.Application.Accounts;

/// <summary>
/// Who acts on an account, as a use case shared by several doors sees them: a SOAP <see cref="Caller"/> (authorized
/// by <see cref="AccountAccess"/>) or a <see cref="StaffCaller"/> (authorized by the back office's door policies).
/// </summary>
public interface IAccountActor
{
    /// <summary>The audit trail's actor: the account's login, or <c>staff:&lt;email&gt;</c>.</summary>
    string AuditName { get; }

    string? RemoteAddress { get; }
}

/// <summary>
/// A member of staff acting on accounts from the back office: the back office's <see cref="Caller"/> (not
/// <see cref="Staff.StaffActor"/>, who manages staff accounts). The door's policies decided that they may; the use case
/// only needs their audit identity (<see cref="For"/>) and address.
/// </summary>
public sealed record StaffCaller(string AuditName, string? RemoteAddress) : IAccountActor
{
    public const string AuditPrefix = "staff:";

    public static StaffCaller For(string email, string? remoteAddress) => new(AuditPrefix + email.Trim().ToLowerInvariant(), remoteAddress);
}
