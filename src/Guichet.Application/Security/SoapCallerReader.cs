using System.Collections.Concurrent;
using Guichet.Application.Accounts;
using Guichet.Data;
using Guichet.Domain.Accounts;
using Guichet.Domain.Security;
using Guichet.Domain.WhiteLabels;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Security;

/// <summary>
/// The white label of a SOAP call by its WSSE username, and for a call that authenticates a user, the caller's
/// credentials and login brake in the SAME statement: a statement fewer per call, and each costs PostgreSQL as much CPU
/// as it costs us (bench/README.md). The brake's key holds the white label's id, known before the read only from an
/// earlier call of this process: a hint, checked against the row read. Without it, or stale, the white label is read
/// alone and the user's authentication reads its rows itself. The white label's row is read on every call all the same,
/// so a rotation, a disabled white label or a lock-out shows at once. The account's index is probed before the token is
/// proven, for a stranger's token too: nothing of it is used or answered before, and whether the login exists changes
/// the probe's cost by one row's fetch, microseconds, below what a network shows. The facts of another account the call
/// names (getAccountState's) are read in that statement too, and kept for the use case (<see cref="AccountStore"/>).
/// </summary>
public sealed class SoapCallerReader(GuichetDbContext db, WhiteLabelIdHints hints, AccountStore accounts)
{
    private static readonly CompiledPerModel<Func<GuichetDbContext, string, CancellationToken, Task<WhiteLabel?>>> s_whiteLabel = new(() =>
        EF.CompileAsyncQuery((GuichetDbContext db, string username, CancellationToken _) =>
            db.WhiteLabels.AsNoTracking().SingleOrDefault(w => w.WsseUsername == username)));

    // The account the call names is read by login alone, like AccountStore.FindFactsAsync: the access rules, not the
    // query, decide what a caller may see of another white label's account.
    private static readonly CompiledPerModel<Func<GuichetDbContext, string, string, string, string, CancellationToken, Task<Rows?>>> s_rows =
        new(() =>
            EF.CompileAsyncQuery((GuichetDbContext db, string username, string login, string brakeKey, string named, CancellationToken _) =>
                (from w in db.WhiteLabels.AsNoTracking()
                 where w.WsseUsername == username
                 from a in db.Accounts.Where(a => a.Login == login && a.WhiteLabelId == w.Id).DefaultIfEmpty()
                 from n in db.Accounts.Where(n => n.Login == named).DefaultIfEmpty()
                 select new Rows(w,
                     a == null ? null : new StoredCredentials(new AccountFacts(a.Id, a.WhiteLabelId, a.Login, a.Kind, a.State, a.PrimaryAccountId),
                         a.PasswordHash, a.PasswordChangedAt, a.ReceiptExpiresAt),
                     db.LoginThrottles.Where(t => t.Login == brakeKey).Select(t => (int?)t.Failures).FirstOrDefault(),
                     db.LoginThrottles.Where(t => t.Login == brakeKey).Select(t => t.BlockedUntil).FirstOrDefault(),
                     n == null ? null : new AccountFacts(n.Id, n.WhiteLabelId, n.Login, n.Kind, n.State, n.PrimaryAccountId)))
                .SingleOrDefault()));

    /// <summary>
    /// The white label of <paramref name="username"/>, and when the hint allowed, what <paramref name="login"/> has in it
    /// and the facts of the account the call <paramref name="names"/> (kept for <see cref="AccountStore.FindFactsAsync"/>).
    /// </summary>
    public async Task<(WhiteLabel? WhiteLabel, CallerRead? Caller)> ReadAsync(string username, string? login, string? names,
        CancellationToken cancellationToken)
    {
        var key = Account.NormalizeLogin(login);
        if (hints.Of(username) is not { } hinted || !Account.IsPossibleLogin(key))
        {
            // An impossible login is refused before anything is read for it (UserAuthenticator).
            return (Remember(username, await s_whiteLabel.For(db)(db, username, cancellationToken)), null);
        }

        // No other account named: the caller's own login again, whose index pages the statement has just read. Not null:
        // EF Core sends that join on a constant false, which SQLite reads by scanning the accounts table (SqlitePlanTests).
        var named = Account.NormalizeLogin(names);
        var other = named != key && Account.IsPossibleLogin(named);
        var rows = await s_rows.For(db)(db, username, key, LoginThrottle.SoapKey(hinted, key), other ? named : key, cancellationToken);
        if (rows is null)
        {
            return (null, null);
        }

        if (rows.WhiteLabel.Id != hinted)
        {
            return (Remember(username, rows.WhiteLabel), null);
        }

        if (other)
        {
            accounts.KeepReadAhead(named, rows.Named);
        }

        return (rows.WhiteLabel, new CallerRead(hinted, key, rows.Credentials, rows.Failures, rows.BlockedUntil));
    }

    private WhiteLabel? Remember(string username, WhiteLabel? whiteLabel)
    {
        if (whiteLabel is not null)
        {
            hints.Remember(username, whiteLabel.Id);
        }

        return whiteLabel;
    }

    private sealed record Rows(WhiteLabel WhiteLabel, StoredCredentials? Credentials, int? Failures, DateTimeOffset? BlockedUntil,
        AccountFacts? Named);
}

/// <summary>The white label's id of each WSSE username this process has read (<see cref="SoapCallerReader"/>); a hint only.</summary>
public sealed class WhiteLabelIdHints
{
    // White labels are a few hundred at most; a bound all the same, against usernames renamed over and over.
    private const int MaxHints = 10_000;

    private readonly ConcurrentDictionary<string, Guid> _idByUsername = new(StringComparer.Ordinal);

    public Guid? Of(string username) => _idByUsername.TryGetValue(username, out var id) ? id : null;

    public void Remember(string username, Guid id)
    {
        if (Of(username) == id)
        {
            return;
        }

        if (_idByUsername.Count >= MaxHints)
        {
            _idByUsername.Clear();
        }

        _idByUsername[username] = id;
    }
}
