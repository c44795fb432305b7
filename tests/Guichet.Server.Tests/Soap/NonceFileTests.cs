using System.Net;
using System.Security.Cryptography;
using Guichet.Data;
using Guichet.Domain.Common;
using Guichet.Domain.Security;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Wire = Guichet.Server.Soap.Contract;

namespace Guichet.Server.Tests.Soap;

/// <summary>
/// On SQLite the used nonces are in a file of their own beside the store (<see cref="NonceFileDbContext"/>), so that each
/// call's nonce commit leaves the store's pages cached; nonces an earlier version kept in the store move there on start.
/// </summary>
public sealed class NonceFileTests(SqliteServerFixture server) : IClassFixture<SqliteServerFixture>
{
    [Fact]
    public async Task ACallsNonce_IsCommittedToTheFileBesideTheStore_NotToTheStore()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var nonce = RandomNumberGenerator.GetBytes(16);

        var response = await GetStateAsync(server, tenant, primary, nonce);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var whiteLabelId = tenant.Credentials.WhiteLabel.Id;
        Assert.Equal(0, await server.InDbAsync(db => db.UsedNonces.CountAsync(n => n.WhiteLabelId == whiteLabelId)));
        // Read from the file itself, named as the README says: beside the store, "-nonces" after its name.
        var store = new SqliteConnectionStringBuilder(server.ConnectionString).DataSource;
        var file = Path.Combine(Path.GetDirectoryName(store)!, Path.GetFileNameWithoutExtension(store) + "-nonces.db");
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT count(*) FROM used_nonces WHERE "Nonce" = $nonce""";
        command.Parameters.AddWithValue("$nonce", UsedNonce.Canonical(nonce));
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task NoncesAnEarlierVersionKeptInTheStore_MoveToTheFileOnStart_AndAreStillReplays()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var whiteLabelId = tenant.Credentials.WhiteLabel.Id;
        var live = RandomNumberGenerator.GetBytes(16);
        var expired = RandomNumberGenerator.GetBytes(16);
        var now = DateTimeOffset.UtcNow;
        await server.InDbAsync(db =>
        {
            db.UsedNonces.Add(new UsedNonce { WhiteLabelId = whiteLabelId, Nonce = UsedNonce.Canonical(live), ExpiresAt = now.AddMinutes(10) });
            db.UsedNonces.Add(new UsedNonce { WhiteLabelId = whiteLabelId, Nonce = UsedNonce.Canonical(expired), ExpiresAt = now.AddMinutes(-1) });
            return db.SaveChangesAsync();
        });

        using var restarted = new GuichetServer(server.Provider, server.ConnectionString, server.KeysFolder);

        Assert.Equal(0, await restarted.InDbAsync(db => db.UsedNonces.CountAsync()));
        // The registration's own nonce is in the file already; of the two kept in the store, the live one has moved.
        var moved = await restarted.InNoncesAsync(nonces => nonces.UsedNonces.Where(n => n.WhiteLabelId == whiteLabelId)
            .Select(n => n.Nonce).ToListAsync());
        Assert.Contains(UsedNonce.Canonical(live), moved);
        Assert.DoesNotContain(UsedNonce.Canonical(expired), moved);
        (await GetStateAsync(restarted, tenant, primary, live)).AssertClientFault(ErrorCodes.NonceReplayed);
    }

    private static Task<RawResponse> GetStateAsync(GuichetServer target, Tenant tenant, Wire.RegistrationResult primary, byte[] nonce) =>
        RawSoap.PostAsync(target.RegisteringEndpoint, RawSoap.Envelope(
            RawSoap.Security(tenant, nonce, Convert.ToBase64String(nonce), DateTimeOffset.UtcNow) + RawSoap.Context(primary.Login, primary.Password),
            RawSoap.GetAccountState(primary.Login)));
}
