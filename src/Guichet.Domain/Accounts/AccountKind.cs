namespace Guichet.Domain.Accounts;

public enum AccountKind
{
    /// <summary>The white label's administrator: sees and acts on every account of its white label.</summary>
    Administrator,
    Primary,
    /// <summary>Hangs under one primary; its login is <c>name.primaryLogin</c>.</summary>
    Secondary,
}
