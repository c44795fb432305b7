using System.ServiceModel;

namespace Guichet.Server.Soap.Contract;

/// <summary>
/// WS Registering (seed 004): the contract integrators generate their clients from (<c>/ws/registering?wsdl</c>).
/// Every call carries a WS-Security UsernameToken (the white label); every call but registerPrimaryAccount also
/// carries the <c>context/user</c> header (the account). Every failure is a <see cref="RegisteringFault"/>.
/// </summary>
[ServiceContract(Namespace = RegisteringNamespace.Value, Name = "Registering")]
[XmlSerializerFormat]
public interface IRegisteringService
{
    /// <summary>§2: registers a primary account; returns its folder number, final login and password.</summary>
    [OperationContract(Name = "registerPrimaryAccount")]
    [FaultContract(typeof(RegisteringFault))]
    Task<RegistrationResult> RegisterPrimaryAccountAsync(PrimaryAccountData account);

    /// <summary>§3: the authenticated primary registers a secondary under itself.</summary>
    [OperationContract(Name = "registerSecondaryAccount")]
    [FaultContract(typeof(RegisteringFault))]
    Task<RegistrationResult> RegisterSecondaryAccountAsync(SecondaryAccountData account);

    /// <summary>§4.3.1: <c>account.AccountName</c> is the login to modify; null members are left unchanged.</summary>
    [OperationContract(Name = "modifyPrimaryAccount")]
    [FaultContract(typeof(RegisteringFault))]
    Task<AccountStateResult> ModifyPrimaryAccountAsync(PrimaryAccountData account);

    /// <summary>§4.3.2: <c>account.AccountName</c> is the full login (<c>name.primary</c>) to modify.</summary>
    [OperationContract(Name = "modifySecondaryAccount")]
    [FaultContract(typeof(RegisteringFault))]
    Task<AccountStateResult> ModifySecondaryAccountAsync(SecondaryAccountData account);

    /// <summary>§5: the state of an account.</summary>
    [OperationContract(Name = "getAccountState")]
    [FaultContract(typeof(RegisteringFault))]
    Task<AccountStateResult> GetAccountStateAsync(string accountName);

    /// <summary>§6: applies an action of the state machine; returns the new state. A missing or unknown action is a field error.</summary>
    [OperationContract(Name = "changeAccountStatus")]
    [FaultContract(typeof(RegisteringFault))]
    Task<AccountStateResult> ChangeAccountStatusAsync(string accountName, AccountAction? action);
}

public static class RegisteringNamespace
{
    public const string Value = "http://guichet.fr/ws/registering/v1";
}
