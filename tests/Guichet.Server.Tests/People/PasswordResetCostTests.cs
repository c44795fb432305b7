using Guichet.Application.People;
using Guichet.Data;
using Guichet.Domain.Common;
using Guichet.Domain.People;
using Guichet.Server.Tests.Portal;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Server.Tests.People;

/// <summary>
/// What a lost-password link costs the server: one hash when it is usable, none when it is forged, used or expired (a
/// stranger cannot spend its cores with made-up links), and on SQLite no writer of the process waits for that hash.
/// </summary>
public abstract class PasswordResetCostTests(SignUpServer server)
{
    private const string NewPassword = "Nouveau-pass3!";

    protected SignUpServer Server => server;

    [Fact]
    public async Task UsableLink_CostsOneHash_ForgedOrUsedLinks_None()
    {
        var token = await ResetLinkAsync((await server.CreatePersonAsync()).Email);

        var before = server.Hashing.Hashes;
        var forged = await ResetAsync(new string('a', 43));
        Assert.Equal(ErrorCodes.TokenInvalid, forged.FailureCode);
        Assert.Equal(before, server.Hashing.Hashes);

        Assert.True((await ResetAsync(token)).Succeeded);
        Assert.Equal(before + 1, server.Hashing.Hashes);

        var used = await ResetAsync(token);
        Assert.Equal(ErrorCodes.TokenUsed, used.FailureCode);
        Assert.Equal(before + 1, server.Hashing.Hashes);
    }

    protected async Task<string> ResetLinkAsync(string email)
    {
        await server.UseAsync<RequestPasswordReset, int>(async r =>
        {
            await r.HandleAsync(email, PortalSteps.Links, null, CancellationToken.None);
            return 0;
        });
        return PortalSteps.TokenFrom((await server.WaitForMailAsync(email, "Réinitialisation")).Single());
    }

    protected Task<Result<Person>> ResetAsync(string token) =>
        server.UseAsync<ResetPassword, Result<Person>>(r =>
            r.HandleAsync(token, NewPassword, NewPassword, PortalSteps.Links, null, CancellationToken.None));
}

public sealed class PasswordResetCostTestsOnSqlite(SqliteSignUpServer server)
    : PasswordResetCostTests(server), IClassFixture<SqliteSignUpServer>
{
    [Fact]
    public async Task Reset_HashesWhileTheWriteGateIsFree()
    {
        var token = await ResetLinkAsync((await Server.CreatePersonAsync()).Email);
        var gate = Server.Services.GetRequiredService<SqliteWriteGate>();
        var gateFreeDuringHash = new List<bool>();
        Server.Hashing.DuringHash = () =>
        {
            // Another writer (the mail worker marking the link's mail sent) may hold it a moment; the reset's own
            // transaction, if it held it, would until this hash ends.
            var free = SpinWait.SpinUntil(() => gate.IsFree(Server.ConnectionString), TimeSpan.FromSeconds(5));
            lock (gateFreeDuringHash)
            {
                gateFreeDuringHash.Add(free);
            }
        };
        try
        {
            Assert.True((await ResetAsync(token)).Succeeded);
        }
        finally
        {
            Server.Hashing.DuringHash = null;
        }

        // Held through the hash, the gate would have kept every other writer of the process (registrations, enrolments,
        // sign-ins' audit lines) waiting for the hash and for the hashes queued before it.
        Assert.Equal([true], gateFreeDuringHash);
    }
}

public sealed class PasswordResetCostTestsOnPostgres(PostgresSignUpServer server)
    : PasswordResetCostTests(server), IClassFixture<PostgresSignUpServer>;
