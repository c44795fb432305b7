using Guichet.Application.WhiteLabels;
using Guichet.Domain.Security;
using Guichet.Server.Soap.Contract;

namespace Guichet.Server.Tests.Infrastructure;

/// <summary>A white label of its own for one test, with its administrator, and the steps tests compose.</summary>
public sealed class Tenant
{
    private Tenant(GuichetServer server, WhiteLabelCredentials credentials, string adminLogin, string adminPassword)
    {
        Server = server;
        Credentials = credentials;
        AdminLogin = adminLogin;
        AdminPassword = adminPassword;
    }

    public GuichetServer Server { get; }

    public WhiteLabelCredentials Credentials { get; }

    public string AdminLogin { get; }

    public string AdminPassword { get; }

    public SoapIdentity WhiteLabelOnly => new(Credentials.WsseUsername, Credentials.WsseSecret);

    public IRegisteringService Anonymous => RegisteringClient.Create(Server.RegisteringEndpoint, WhiteLabelOnly);

    public IRegisteringService Admin => As(AdminLogin, AdminPassword);

    public static async Task<Tenant> CreateAsync(GuichetServer server, Func<NewWhiteLabel, NewWhiteLabel>? configure = null)
    {
        var credentials = await server.CreateWhiteLabelAsync(configure);
        var (login, password) = await server.CreateAdministratorAsync(credentials.WhiteLabel.Code);
        return new Tenant(server, credentials, login, password);
    }

    /// <summary>The brute-force brake's key of one of this white label's logins.</summary>
    public string ThrottleKey(string login) => LoginThrottle.SoapKey(Credentials.WhiteLabel.Id, login);

    public IRegisteringService As(string login, string password) =>
        RegisteringClient.Create(Server.RegisteringEndpoint, WhiteLabelOnly.As(login, password));

    public IRegisteringService As(SoapIdentity identity) => RegisteringClient.Create(Server.RegisteringEndpoint, identity);

    public Task<RegistrationResult> RegisterPrimaryAsync(PrimaryAccountData? data = null) =>
        Anonymous.RegisterPrimaryAccountAsync(data ?? SampleFiles.Primary());

    /// <summary>VALIDATE then ENROLL as the administrator, then wait for the enrolment job to finish.</summary>
    public async Task EnrolAsync(string login)
    {
        Assert.Equal(AccountState.BO_VALIDATED, (await Admin.ChangeAccountStatusAsync(login, AccountAction.VALIDATE)).State);
        Assert.Equal(AccountState.REGISTRATION_IN_PROGRESS, (await Admin.ChangeAccountStatusAsync(login, AccountAction.ENROLL)).State);
        await WaitForStateAsync(login, AccountState.REGISTERED);
    }

    public async Task WaitForStateAsync(string login, AccountState expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        AccountState state;
        do
        {
            state = (await Admin.GetAccountStateAsync(login)).State;
            if (state == expected)
            {
                return;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"{login} stayed {state}, expected {expected}.");
    }

    public async Task<RegistrationResult> RegisteredPrimaryAsync(PrimaryAccountData? data = null)
    {
        var primary = await RegisterPrimaryAsync(data);
        await EnrolAsync(primary.Login);
        return primary;
    }

    public async Task<RegistrationResult> RegisteredSecondaryAsync(RegistrationResult primary, SecondaryAccountData? data = null)
    {
        var secondary = await As(primary.Login, primary.Password).RegisterSecondaryAccountAsync(data ?? SampleFiles.Secondary());
        await EnrolAsync(secondary.Login);
        return secondary;
    }
}
