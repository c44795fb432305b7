using Guichet.Application.Accounts;
using Guichet.Application.Security;
using Guichet.Domain.Accounts;
using Guichet.Domain.Common;
using Guichet.Domain.WhiteLabels;
using Guichet.Server.Soap.Contract;

namespace Guichet.Server.Soap;

/// <summary>The SOAP adapter: authenticates from the headers the guard lifted, calls one use case, maps its result.</summary>
public sealed class RegisteringService(
    SoapCall call,
    WsseAuthenticator wsse,
    UserAuthenticator users,
    SoapCallerReader callers,
    RegisterPrimaryAccount registerPrimary,
    RegisterSecondaryAccount registerSecondary,
    ModifyAccount modify,
    GetAccountState getState,
    ChangeAccountStatus changeStatus) : IRegisteringService
{
    private CancellationToken Aborted => call.Http.RequestAborted;

    private string? RemoteAddress => call.Http.Connection.RemoteIpAddress?.ToString();

    public async Task<RegistrationResult> RegisterPrimaryAccountAsync(Contract.PrimaryAccountData account)
    {
        var whiteLabel = await AuthenticateWhiteLabelAsync();
        var file = (account ?? new Contract.PrimaryAccountData()).ToDomain();
        return ToResult(await registerPrimary.HandleAsync(whiteLabel, file, whiteLabel.WsseUsername, RemoteAddress, Aborted));
    }

    public async Task<RegistrationResult> RegisterSecondaryAccountAsync(Contract.SecondaryAccountData account)
    {
        // The primary's row changes only by its version, renewed from what the use case reads of it: not read whole here.
        var caller = await AuthenticateUserAsync(writesOwnRow: false);
        return ToResult(await registerSecondary.HandleAsync(caller, (account ?? new Contract.SecondaryAccountData()).ToDomain(), Aborted));
    }

    public async Task<AccountStateResult> ModifyPrimaryAccountAsync(Contract.PrimaryAccountData account)
    {
        var caller = await AuthenticateUserAsync(writesOwnRow: IsCaller(account?.AccountName));
        var changes = (account ?? new Contract.PrimaryAccountData()).ToDomain();
        return ToState(changes.AccountName, await modify.HandleAsync(caller, changes, Aborted));
    }

    public async Task<AccountStateResult> ModifySecondaryAccountAsync(Contract.SecondaryAccountData account)
    {
        var caller = await AuthenticateUserAsync(writesOwnRow: IsCaller(account?.AccountName));
        var changes = (account ?? new Contract.SecondaryAccountData()).ToDomain();
        return ToState(changes.AccountName, await modify.HandleAsync(caller, changes, Aborted));
    }

    public async Task<AccountStateResult> GetAccountStateAsync(string accountName)
    {
        var caller = await AuthenticateUserAsync(writesOwnRow: false, names: accountName);
        return ToState(accountName, await getState.HandleAsync(caller, accountName, Aborted));
    }

    public async Task<AccountStateResult> ChangeAccountStatusAsync(string accountName, Contract.AccountAction? action)
    {
        // Never one's own account (§6.2): refused on the facts the authentication read.
        var caller = await AuthenticateUserAsync(writesOwnRow: false);
        var change = await changeStatus.HandleAsync(new StatusChange(caller, action?.ToDomain(), Login: accountName), Aborted);
        return ToState(accountName, change.Result);
    }

    /// <param name="readWhiteLabel">Reads the white label of the token's username, and more with it (<see cref="SoapCallerReader"/>).</param>
    private async Task<WhiteLabel> AuthenticateWhiteLabelAsync(Func<string, CancellationToken, Task<WhiteLabel?>>? readWhiteLabel = null)
    {
        var token = call.Envelope.WhiteLabelToken;
        var result = readWhiteLabel is null
            ? await wsse.AuthenticateAsync(token, RemoteAddress, Aborted)
            : await wsse.AuthenticateAsync(token, RemoteAddress, readWhiteLabel, Aborted);
        return result.Succeeded ? result.Value : throw Fault(result);
    }

    /// <param name="writesOwnRow">The operation changes the caller's own account: the authentication reads its row for both.</param>
    /// <param name="names">The account whose facts the operation reads: read in the same statement as the caller's rows.</param>
    private async Task<Caller> AuthenticateUserAsync(bool writesOwnRow, string? names = null)
    {
        var envelope = call.Envelope;
        // The caller's rows are read with the white label, in one statement, and used only once its token is proven. Not
        // for a call that writes its own row: that one is read whole and tracked (UserAuthenticator).
        CallerRead? read = null;
        var whiteLabel = writesOwnRow ? await AuthenticateWhiteLabelAsync() : await AuthenticateWhiteLabelAsync(async (username, cancel) =>
        {
            (var row, read) = await callers.ReadAsync(username, envelope.UserLogin, names, cancel);
            return row;
        });
        var result = await users.AuthenticateAsync(whiteLabel, envelope.UserLogin, envelope.UserPassword, writesOwnRow, RemoteAddress, Aborted,
            read);
        return result.Succeeded ? result.Value : throw Fault(result);
    }

    /// <summary>Whether the request names the calling account itself.</summary>
    private bool IsCaller(string? login) => Account.NormalizeLogin(login) == Account.NormalizeLogin(call.Envelope.UserLogin);

    private static RegistrationResult ToResult(Result<RegistrationReceipt> result) => result.Succeeded
        ? new RegistrationResult
        {
            FolderNumber = result.Value.FolderNumber,
            Login = result.Value.Login,
            Password = result.Value.Password,
            State = result.Value.State.ToWire(),
        }
        : throw Fault(result);

    private static AccountStateResult ToState(string? login, Result<Domain.Accounts.AccountState> result) => result.Succeeded
        ? new AccountStateResult { Login = Account.NormalizeLogin(login), State = result.Value.ToWire() }
        : throw Fault(result);

    private static System.ServiceModel.FaultException<RegisteringFault> Fault<T>(Result<T> result)
    {
        var code = result.FailureCode!;
        var message = code == ErrorCodes.ValidationFailed
            ? $"La requête comporte {result.Errors.Count} erreur(s) : " + string.Join(" ; ", result.Errors.Select(e => $"{e.Field} : {e.Message}"))
            : (result.Errors.Count > 0 ? result.Errors[0].Message : code);
        return RegisteringFaults.Create(code, message, result.Errors.Where(e => e.Field is not null));
    }
}
