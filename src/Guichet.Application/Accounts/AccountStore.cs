using Guichet.Application.Auditing;
using Guichet.Application.Enrolment;
using Guichet.Data;
using Guichet.Domain.Accounts;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.Enrolment;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Accounts;

/// <summary>The steps every account use case shares: finding an account, moving its state, saving safely.</summary>
public sealed class AccountStore(GuichetDbContext db, AuditTrail audit, TimeProvider clock, EnrolmentSignal enrolment, FolderNumbers folderNumbers)
{
    // Every SOAP call on an account finds it by login (CompiledPerModel).
    private static readonly CompiledPerModel<Func<GuichetDbContext, string, CancellationToken, Task<Domain.Accounts.Account?>>> s_byLogin =
        new(() => EF.CompileAsyncQuery((GuichetDbContext db, string login, CancellationToken _) =>
            db.Accounts.SingleOrDefault(a => a.Login == login)));

    private static readonly CompiledPerModel<Func<GuichetDbContext, string, CancellationToken, Task<AccountFacts?>>> s_facts = new(() =>
        EF.CompileAsyncQuery((GuichetDbContext db, string login, CancellationToken _) =>
            db.Accounts.AsNoTracking().Where(a => a.Login == login).Select(AccountFacts.Columns).SingleOrDefault()));

    public Task<Domain.Accounts.Account?> FindAsync(string? login, CancellationToken cancellationToken) =>
        s_byLogin.For(db)(db, Domain.Accounts.Account.NormalizeLogin(login), cancellationToken);

    /// <summary>
    /// The account <paramref name="caller"/> acts on, whole and tracked to be changed: the caller's own row when the
    /// authentication read it already (<see cref="Caller.OwnRow"/>), so that a call on one's own account reads it once.
    /// </summary>
    public Task<Domain.Accounts.Account?> FindForAsync(Caller caller, string? login, CancellationToken cancellationToken) =>
        caller.OwnRow is { } own && own.Login == Domain.Accounts.Account.NormalizeLogin(login)
            ? Task.FromResult<Domain.Accounts.Account?>(own)
            : FindAsync(login, cancellationToken);

    // The account a SOAP call names, read in the statement of the caller's credentials (SoapCallerReader).
    private (string Login, AccountFacts? Facts)? _readAhead;

    /// <summary>
    /// What the access rules and a state read need of an account (<see cref="AccountFacts"/>), untracked: those read ahead
    /// for this login in this scope, if any, else a query.
    /// </summary>
    public Task<AccountFacts?> FindFactsAsync(string? login, CancellationToken cancellationToken)
    {
        var key = Domain.Accounts.Account.NormalizeLogin(login);
        return _readAhead is { } ahead && ahead.Login == key ? Task.FromResult(ahead.Facts) : s_facts.For(db)(db, key, cancellationToken);
    }

    /// <summary>
    /// Keeps the facts of <paramref name="login"/> (null: no account has it), read with the caller's rows, for
    /// <see cref="FindFactsAsync"/> in this scope: a statement fewer for a call on another account.
    /// </summary>
    public void KeepReadAhead(string login, AccountFacts? facts) => _readAhead = (login, facts);

    public Task<Domain.Accounts.Account> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        db.Accounts.SingleAsync(a => a.Id == id, cancellationToken);

    public Task<List<Domain.Accounts.Account>> SecondariesOfAsync(Guid primaryId, CancellationToken cancellationToken) =>
        db.Accounts.Where(a => a.PrimaryAccountId == primaryId).ToListAsync(cancellationToken);

    public Task<int> CountSecondariesAsync(Guid primaryId, CancellationToken cancellationToken) =>
        db.Accounts.CountAsync(a => a.PrimaryAccountId == primaryId, cancellationToken);

    /// <summary>
    /// A folder number no account has. 32^6 numbers a day make a taken one rare, not impossible (about once in 100,000
    /// registrations on a day of 10,000 files), and the unique index would refuse it as if the account's name were taken.
    /// Two registrations drawing the same new number at the same moment are left to that index.
    /// </summary>
    public async Task<string> NewFolderNumberAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        const int Draws = 10;
        for (var draw = 1; draw <= Draws; draw++)
        {
            var number = folderNumbers.Draw(now);
            if (!await db.Accounts.AnyAsync(a => a.FolderNumber == number, cancellationToken))
            {
                return number;
            }
        }

        throw new InvalidOperationException($"{Draws} folder numbers drawn in a row were all taken.");
    }

    public Task<bool> LoginExistsAsync(string login, CancellationToken cancellationToken) =>
        db.Accounts.AnyAsync(a => a.Login == login, cancellationToken);

    /// <summary>
    /// Renews the concurrency token of an account this unit of work has not read whole (attaching throws if it has), from
    /// the <paramref name="readVersion"/> it read: the save then changes that column alone, and fails with
    /// CONCURRENT_MODIFICATION if the row changed since. The change tracker holds a stub of its key and version: nothing
    /// after it in this unit of work may read the row.
    /// </summary>
    public void RenewVersion(Guid id, Guid readVersion) => db.Accounts.Attach(new Domain.Accounts.Account
    {
        Id = id,
        Version = readVersion,
        Login = string.Empty,
        FolderNumber = string.Empty,
        PasswordHash = string.Empty,
    }).Entity.Touch();

    /// <summary>Moves an account to a new state, with its audit line and, for REGISTRATION_IN_PROGRESS, its enrolment job.</summary>
    public void MoveTo(Domain.Accounts.Account account, AccountState target, string actor, string? remoteAddress, string? detail = null)
    {
        var from = account.State;
        account.EnterState(target, clock.GetUtcNow());
        audit.Record(actor, AuditEvents.AccountStateChanged, account.WhiteLabelId, account.Login,
            from: from.ToString(), to: target.ToString(), remoteAddress: remoteAddress, detail: detail);
        if (target == AccountState.REGISTRATION_IN_PROGRESS)
        {
            db.EnrolmentJobs.Add(new EnrolmentJob { AccountId = account.Id, EnqueuedAt = clock.GetUtcNow() });
        }
    }

    /// <summary>Saves; a concurrent change of the same account becomes CONCURRENT_MODIFICATION instead of a lost update.</summary>
    public async Task<Error?> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            var queued = db.ChangeTracker.Entries<EnrolmentJob>().Any(e => e.State == EntityState.Added);
            await db.SaveChangesAsync(cancellationToken);
            if (queued)
            {
                enrolment.Notify();
            }

            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return AccountErrors.ChangedMeanwhile;
        }
        catch (DbUpdateException exception) when (DbErrors.IsUniqueViolation(exception))
        {
            db.ChangeTracker.Clear();
            // Only the login's index says the name is taken; any other (a folder number drawn by two registrations at
            // once, an enrolment job queued twice) is a race the caller may simply retry.
            return DbErrors.IsUniqueViolationOn(exception, "accounts", nameof(Domain.Accounts.Account.Login))
                ? AccountErrors.NameTaken(nameof(AccountData.AccountName))
                : AccountErrors.ChangedMeanwhile;
        }
    }
}
