using System.Security.Cryptography;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Server.Soap.Contract;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.Soap;

/// <summary>A server whose per-address budget of failed WS-Security authentications is small.</summary>
public sealed class LowBudgetServerFixture() : GuichetServer(DatabaseProvider.Sqlite)
{
    public const int Budget = 3;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [new("Security:FailedWhiteLabelAuthenticationsPerAddressPerMinute", Budget.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}

/// <summary>
/// The per-address budget (in memory, per instance; SQLite only). One test: the budget is per minute of real time and
/// every test posts from 127.0.0.1.
/// </summary>
public sealed class FailedAuthenticationBudgetTests(LowBudgetServerFixture server) : IClassFixture<LowBudgetServerFixture>
{
    [Fact]
    public async Task PastTheBudget_FailuresFaultTooManyAndWriteNothing_ValidTokensStillPass()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var whiteLabelId = tenant.Credentials.WhiteLabel.Id;
        var wrongDigest = tenant.WhiteLabelOnly.As(primary.Login, primary.Password) with
        {
            DigestOverride = Convert.ToBase64String(RandomNumberGenerator.GetBytes(20)),
        };
        var stale = tenant.WhiteLabelOnly.As(primary.Login, primary.Password) with
        {
            TokenOverride = () => (RandomNumberGenerator.GetBytes(16), RegisteringClient.Created(DateTimeOffset.UtcNow.AddMinutes(-10))),
        };

        var within = new List<string>();
        for (var i = 0; i < LowBudgetServerFixture.Budget; i++)
        {
            within.Add((await Faults.CatchAsync(() => tenant.As(wrongDigest).GetAccountStateAsync(primary.Login))).Code);
        }

        var past = await Faults.CatchAsync(() => tenant.As(wrongDigest).GetAccountStateAsync(primary.Login));
        var pastStale = await Faults.CatchAsync(() => tenant.As(stale).GetAccountStateAsync(primary.Login));
        var valid = await tenant.As(primary.Login, primary.Password).GetAccountStateAsync(primary.Login);

        Assert.All(within, code => Assert.Equal(ErrorCodes.WhiteLabelAuthenticationFailed, code));
        Assert.Equal(ErrorCodes.TooManyFailedAuthentications, past.Code);
        Assert.Matches("réessayez dans [0-9]+ secondes", past.Message);
        Assert.Equal(ErrorCodes.TooManyFailedAuthentications, pastStale.Code);
        Assert.Equal(AccountState.WAIT_FOR_FILES, valid.State);
        var audited = await server.InDbAsync(db =>
            db.AuditEntries.CountAsync(a => a.Event == AuditEvents.WhiteLabelAuthenticationFailed && a.WhiteLabelId == whiteLabelId));
        Assert.Equal(LowBudgetServerFixture.Budget, audited);
    }
}
