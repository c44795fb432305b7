using Accounts = Guichet.Domain.Accounts;
using Wire = Guichet.Server.Soap.Contract;

namespace Guichet.Server.Tests.Infrastructure;

/// <summary>The seed's tables (tests/Shared) speak the domain's enums; SOAP calls take the wire's, which spell them alike.</summary>
public static class WireEnums
{
    public static Wire.AccountAction ToWire(this Accounts.AccountAction action) => Enum.Parse<Wire.AccountAction>(action.ToString());

    public static Wire.AccountState ToWire(this Accounts.AccountState state) => Enum.Parse<Wire.AccountState>(state.ToString());
}
