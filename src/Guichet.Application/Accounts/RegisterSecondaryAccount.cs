using Guichet.Application.Auditing;
using Guichet.Application.Security;
using Guichet.Data;
using Guichet.Domain.Accounts;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Identifiers;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Accounts;

/// <summary>Seed 004 §3: a REGISTERED primary registers a secondary under itself (login <c>name.primaryLogin</c>).</summary>
public sealed class RegisterSecondaryAccount(
    GuichetDbContext db,
    AccountStore accounts,
    PasswordHashing hashing,
    RegistrationReceipts receipts,
    AuditTrail audit,
    TimeProvider clock)
{
    private static readonly CompiledPerModel<Func<GuichetDbContext, Guid, CancellationToken, Task<Primary?>>> s_primary = new(() =>
        EF.CompileAsyncQuery((GuichetDbContext db, Guid id, CancellationToken _) =>
            db.Accounts.Where(a => a.Id == id)
                .Select(a => new Primary(a.Login, a.State, a.Category, a.IsTest, a.SecondaryAllowance, a.Version,
                    db.Accounts.Count(s => s.PrimaryAccountId == a.Id)))
                .SingleOrDefault()));

    public async Task<Result<RegistrationReceipt>> HandleAsync(Caller caller, SecondaryAccountData data, CancellationToken cancellationToken)
    {
        if (caller.PasswordExpired)
        {
            return Result<RegistrationReceipt>.Failure(AccountErrors.PasswordExpired);
        }

        var requestHash = RegistrationReceipts.RequestHash(data);
        if (caller.Account.Kind != AccountKind.Primary)
        {
            return Result<RegistrationReceipt>.Failure(AccountErrors.OnlyPrimaryRegistersSecondaries);
        }

        // Not read whole: no file and no tracking, only what the rules below need, its allowance's count in the same read.
        if (await s_primary.For(db)(db, caller.Account.Id, cancellationToken) is not { } primary)
        {
            // Removed since its authentication.
            return Result<RegistrationReceipt>.Failure(AccountErrors.ChangedMeanwhile);
        }

        if (primary.State != AccountState.REGISTERED)
        {
            return Result<RegistrationReceipt>.Failure(AccountErrors.PrimaryNotRegistered(primary.State));
        }

        var now = clock.GetUtcNow();
        var rules = AccountRules.For(caller.WhiteLabel, now);
        var errors = AccountDataValidator.ValidateSecondary(data, primary.Category!.Value, rules).ToList();
        var login = $"{Account.NormalizeLogin(data.AccountName)}.{primary.Login}";
        var name = await receipts.CheckLoginAsync(caller.WhiteLabel.Id, login, data, requestHash, cancellationToken);
        if (name.Repeated is { } repeated)
        {
            audit.Record(caller.Actor, AuditEvents.RegistrationRepeated, caller.WhiteLabel.Id, login,
                remoteAddress: caller.RemoteAddress, detail: repeated.FolderNumber);
            await db.SaveChangesAsync(cancellationToken);
            return repeated;
        }

        if (errors.All(e => e.Field != nameof(data.AccountName)) && name.Taken)
        {
            errors.Add(AccountErrors.SecondaryNameTaken(nameof(data.AccountName)));
        }

        // The primary's own allowance, itself within the white label's maximum (§2.3.1 "Nombre de comptes secondaires").
        if (primary.Secondaries >= Math.Min(primary.SecondaryAllowance, caller.WhiteLabel.MaxSecondaryAccounts))
        {
            errors.Add(AccountErrors.SecondaryQuotaReached(primary.SecondaryAllowance, nameof(PrimaryAccountData.SecondaryAccountCount)));
        }

        if (errors.Count > 0)
        {
            return Result<RegistrationReceipt>.Failure(ErrorCodes.ValidationFailed, errors);
        }

        data.NormalizePhoneNumbers();
        var password = string.IsNullOrEmpty(data.Password)
            ? PasswordGenerator.Generate(rules.PasswordPolicy, AccountPasswords.GeneratedLength)
            : data.Password;
        // §3.3.1: same category as the primary; a test primary only has test secondaries.
        var isTest = primary.IsTest || (data.Test ?? caller.WhiteLabel.TestEnvironment);
        data.Test = isTest;
        data.AccountName = data.AccountName!.Trim();
        var account = new Account
        {
            WhiteLabelId = caller.WhiteLabel.Id,
            Kind = AccountKind.Secondary,
            Login = login,
            FolderNumber = await accounts.NewFolderNumberAsync(now, cancellationToken),
            PrimaryAccountId = caller.Account.Id,
            State = AccountState.WAIT_FOR_FILES,
            StateChangedAt = now,
            Category = primary.Category,
            IsTest = isTest,
            WantsMailbox = data.Mailbox ?? caller.WhiteLabel.SecondaryMailboxByDefault,
            PasswordHash = await hashing.HashAsync(password, cancellationToken),
            PasswordChangedAt = now,
            Data = data,
            CreatedAt = now,
        };
        account.IndexFile();
        db.Accounts.Add(account);
        receipts.Keep(account, requestHash, password);
        // Renewing the primary's concurrency token, from the version read with its count, makes two registrations racing
        // for its last slot conflict: one is saved, the other answers CONCURRENT_MODIFICATION and may be retried.
        accounts.RenewVersion(caller.Account.Id, primary.Version);
        audit.Record(caller.Actor, AuditEvents.AccountRegistered, caller.WhiteLabel.Id, account.Login, to: account.State.ToString(),
            remoteAddress: caller.RemoteAddress, detail: account.FolderNumber);
        if (caller.WhiteLabel.AutoEnrol)
        {
            accounts.MoveTo(account, AccountState.REGISTRATION_IN_PROGRESS, "system", caller.RemoteAddress, "auto-enrolment");
        }

        if (await accounts.SaveAsync(cancellationToken) is { } failure)
        {
            return failure.Code == ErrorCodes.ConcurrentModification
                ? Result<RegistrationReceipt>.Failure(failure)
                : Result<RegistrationReceipt>.Failure(ErrorCodes.ValidationFailed, [failure]);
        }

        return new RegistrationReceipt(account.FolderNumber, account.Login, password, account.State);
    }

    /// <summary>What the registration needs of the primary, and how many secondaries it has (<paramref name="Secondaries"/>).</summary>
    private sealed record Primary(string Login, AccountState State, AccountCategory? Category, bool IsTest, int SecondaryAllowance,
        Guid Version, int Secondaries);
}
