using System.Net;
using System.Security.Cryptography;
using System.Xml.Linq;
using Guichet.Application.Security;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wire = Guichet.Server.Soap.Contract;

namespace Guichet.Server.Tests.Soap;

/// <summary>
/// The nonce store written by group commit (<see cref="NonceLedger"/>): concurrent requests share a transaction, each is
/// answered once its nonce is committed, and a failed write refuses its requests without stopping the next ones.
/// </summary>
public abstract class NonceLedgerTests(NonceLedgerServer server)
{
    private NonceLedger Ledger => server.Services.GetRequiredService<NonceLedger>();

    [Fact]
    public async Task SameNonceByTwentyConcurrentRequests_ExactlyOneAccepted_TheOthersAuditedAsReplays()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        Assert.Equal(Wire.AccountState.WAIT_FOR_FILES, (await tenant.As(primary.Login, primary.Password).GetAccountStateAsync(primary.Login)).State);
        var nonce = RandomNumberGenerator.GetBytes(16);
        var xml = RawSoap.Envelope(
            RawSoap.Security(tenant, nonce, Convert.ToBase64String(nonce), DateTimeOffset.UtcNow) + RawSoap.Context(primary.Login, primary.Password),
            RawSoap.GetAccountState(primary.Login));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var calls = Enumerable.Range(0, 20).Select(async _ =>
        {
            await gate.Task;
            return await RawSoap.PostAsync(server.RegisteringEndpoint, xml);
        }).ToList();
        gate.SetResult();
        var responses = await Task.WhenAll(calls);

        Assert.Single(responses, r => r.Status == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.Status != HttpStatusCode.OK), r => r.AssertClientFault(ErrorCodes.NonceReplayed));
        var whiteLabelId = tenant.Credentials.WhiteLabel.Id;
        var canonical = Convert.ToBase64String(nonce);
        Assert.Equal(1, await server.InNoncesAsync(db => db.UsedNonces.CountAsync(n => n.WhiteLabelId == whiteLabelId && n.Nonce == canonical)));
        var replays = await server.InDbAsync(db => db.AuditEntries.CountAsync(a =>
            a.Event == AuditEvents.WhiteLabelAuthenticationFailed && a.WhiteLabelId == whiteLabelId && a.Detail == "replayed nonce"));
        Assert.Equal(19, replays);
    }

    [Fact]
    public async Task TwoHundredDistinctNoncesOverSixteenTasks_AllAcceptedAndStored_InFewerTransactions()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var identity = tenant.WhiteLabelOnly.As(primary.Login, primary.Password);
        Assert.Equal(Wire.AccountState.WAIT_FOR_FILES, (await tenant.As(identity).GetAccountStateAsync(primary.Login)).State);
        var nonces = Enumerable.Range(0, 200).Select(_ => RandomNumberGenerator.GetBytes(16)).ToList();
        var next = -1;
        var commitsBefore = Ledger.Commits;
        var sentFrom = DateTimeOffset.UtcNow;

        var answered = await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            var states = new List<HttpStatusCode>();
            for (var i = Interlocked.Increment(ref next); i < nonces.Count; i = Interlocked.Increment(ref next))
            {
                var xml = RawSoap.Envelope(
                    RawSoap.Security(tenant, nonces[i], Convert.ToBase64String(nonces[i]), DateTimeOffset.UtcNow)
                    + RawSoap.Context(primary.Login, primary.Password),
                    RawSoap.GetAccountState(primary.Login));
                states.Add((await RawSoap.PostAsync(server.RegisteringEndpoint, xml)).Status);
            }

            return states;
        }));
        var commits = Ledger.Commits - commitsBefore;

        Assert.Equal(200, answered.Sum(states => states.Count(s => s == HttpStatusCode.OK)));
        var whiteLabelId = tenant.Credentials.WhiteLabel.Id;
        var canonical = nonces.Select(n => Convert.ToBase64String(n)).ToList();
        var stored = await server.InNoncesAsync(db => db.UsedNonces.AsNoTracking()
            .Where(n => n.WhiteLabelId == whiteLabelId && canonical.Contains(n.Nonce)).ToListAsync());
        Assert.Equal(200, stored.Count);
        // Kept two freshness windows (5 minutes each by default) after the token's creation, in the column's own format.
        Assert.All(stored, n => Assert.InRange(n.ExpiresAt, sentFrom.AddMinutes(9), DateTimeOffset.UtcNow.AddMinutes(11)));
        Assert.InRange(commits, 1, 199);
    }

    [Fact]
    public async Task StoreFails_ItsRequestsFaultInternalErrorAndStoreNothing_TheNextBatchWorks()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var identity = tenant.WhiteLabelOnly.As(primary.Login, primary.Password);
        Assert.Equal(Wire.AccountState.WAIT_FOR_FILES, (await tenant.As(identity).GetAccountStateAsync(primary.Login)).State);
        var whiteLabelId = tenant.Credentials.WhiteLabel.Id;
        var refused = RandomNumberGenerator.GetBytes(16);
        var direct = Enumerable.Range(0, 3).Select(_ => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))).ToList();

        server.Probe.FailInserts = true;
        RawResponse response;
        List<Exception?> failures;
        try
        {
            response = await GetStateAsync(tenant, primary, refused);
            failures = [.. await Task.WhenAll(direct.Select(n => Record.ExceptionAsync(
                () => Ledger.TryRecordAsync(whiteLabelId, n, DateTimeOffset.UtcNow.AddMinutes(10), CancellationToken.None))))];
        }
        finally
        {
            server.Probe.FailInserts = false;
        }

        response.AssertCleanFault();
        Assert.Equal(XName.Get("Server.INTERNAL_ERROR", RawSoap.Soap11), response.FaultCode);
        Assert.Equal(ErrorCodes.InternalError, response.Code);
        Assert.DoesNotContain("probe", response.Body, StringComparison.Ordinal);
        Assert.All(failures, failure => Assert.IsType<NonceLedgerException>(failure));
        var canonical = direct.Append(Convert.ToBase64String(refused)).ToList();
        Assert.Equal(0, await server.InNoncesAsync(db =>
            db.UsedNonces.CountAsync(n => n.WhiteLabelId == whiteLabelId && canonical.Contains(n.Nonce))));
        // The writer goes on: the next request is accepted, and so is the refused one's nonce, which was never stored.
        Assert.Equal(HttpStatusCode.OK, (await GetStateAsync(tenant, primary, RandomNumberGenerator.GetBytes(16))).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetStateAsync(tenant, primary, refused)).Status);
    }

    [Fact]
    public async Task CallersCancelledWhileTheirBatchIsWritten_TheirNoncesAreStillStored_AndTheWriterGoesOn()
    {
        var whiteLabelId = (await server.CreateWhiteLabelAsync()).WhiteLabel.Id;
        var expiresAt = DateTimeOffset.UtcNow.AddMinutes(10);
        string NewNonce() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var (first, queued, kept) = (NewNonce(), NewNonce(), NewNonce());
        using var firstCaller = new CancellationTokenSource();
        using var queuedCaller = new CancellationTokenSource();

        var held = server.Probe.HoldNextInsert();
        var firstCall = Ledger.TryRecordAsync(whiteLabelId, first, expiresAt, firstCaller.Token);
        await held.WaitAsync(TimeSpan.FromSeconds(30));
        // The first batch is being written; these two wait for the next one.
        var queuedCall = Ledger.TryRecordAsync(whiteLabelId, queued, expiresAt, queuedCaller.Token);
        var keptCall = Ledger.TryRecordAsync(whiteLabelId, kept, expiresAt, CancellationToken.None);
        await firstCaller.CancelAsync();
        await queuedCaller.CancelAsync();
        server.Probe.Release();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => firstCall);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queuedCall);
        Assert.True(await keptCall);
        var stored = await server.InNoncesAsync(db => db.UsedNonces.Where(n => n.WhiteLabelId == whiteLabelId).Select(n => n.Nonce).ToListAsync());
        Assert.Equal(new[] { first, queued, kept }.Order(), stored.Order());
        // Written, hence used: the cancelled callers' nonces are replays now.
        Assert.False(await Ledger.TryRecordAsync(whiteLabelId, first, expiresAt, CancellationToken.None));
        Assert.False(await Ledger.TryRecordAsync(whiteLabelId, queued, expiresAt, CancellationToken.None));
    }

    [Fact]
    public async Task Stopping_WritesWhatIsQueued_ThenTakesNoMore()
    {
        using var instance = new NonceLedgerServer(server.Provider);
        var ledger = instance.Services.GetRequiredService<NonceLedger>();
        var whiteLabelId = (await instance.CreateWhiteLabelAsync()).WhiteLabel.Id;
        var expiresAt = DateTimeOffset.UtcNow.AddMinutes(10);
        var nonces = Enumerable.Range(0, 3).Select(_ => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))).ToList();

        var held = instance.Probe.HoldNextInsert();
        var first = ledger.TryRecordAsync(whiteLabelId, nonces[0], expiresAt, CancellationToken.None);
        await held.WaitAsync(TimeSpan.FromSeconds(30));
        var queued = nonces.Skip(1).Select(n => ledger.TryRecordAsync(whiteLabelId, n, expiresAt, CancellationToken.None)).ToList();
        var stopping = ledger.StopAsync(CancellationToken.None);
        var late = await Record.ExceptionAsync(() => ledger.TryRecordAsync(whiteLabelId, "late", expiresAt, CancellationToken.None));
        instance.Probe.Release();
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(await first.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.All(await Task.WhenAll(queued).WaitAsync(TimeSpan.FromSeconds(30)), Assert.True);
        Assert.IsAssignableFrom<InvalidOperationException>(late);
        var stored = await instance.InNoncesAsync(db => db.UsedNonces.Where(n => n.WhiteLabelId == whiteLabelId).Select(n => n.Nonce).ToListAsync());
        Assert.Equal(nonces.Order(), stored.Order());
    }

    private Task<RawResponse> GetStateAsync(Tenant tenant, Wire.RegistrationResult primary, byte[] nonce) =>
        RawSoap.PostAsync(server.RegisteringEndpoint, RawSoap.Envelope(
            RawSoap.Security(tenant, nonce, Convert.ToBase64String(nonce), DateTimeOffset.UtcNow) + RawSoap.Context(primary.Login, primary.Password),
            RawSoap.GetAccountState(primary.Login)));
}

public sealed class NonceLedgerTestsOnSqlite(SqliteNonceLedgerServer server)
    : NonceLedgerTests(server), IClassFixture<SqliteNonceLedgerServer>;

public sealed class NonceLedgerTestsOnPostgres(PostgresNonceLedgerServer server)
    : NonceLedgerTests(server), IClassFixture<PostgresNonceLedgerServer>;
