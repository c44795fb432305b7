using Guichet.Application.Auditing;
using Guichet.Application.Security;
using Guichet.Domain.Accounts;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.WhiteLabels;

namespace Guichet.Application.Accounts;

/// <summary>
/// Seed 004 §4: modify a primary (<see cref="PrimaryAccountData"/>) or a secondary (<see cref="SecondaryAccountData"/>).
/// The request's account name identifies the account; the merged file must pass every rule of a registration.
/// </summary>
public sealed class ModifyAccount(
    AccountStore accounts,
    PasswordHashing hashing,
    AuditTrail audit,
    TimeProvider clock)
{
    public async Task<Result<AccountState>> HandleAsync<T>(Caller caller, T changes, CancellationToken cancellationToken)
        where T : AccountData
    {
        // An empty Password element (the SOAP layer reads <Password/> as "") asks for no new password.
        if (changes.Password is { Length: 0 })
        {
            changes.Password = null;
        }

        var expectedKind = changes is PrimaryAccountData ? AccountKind.Primary : AccountKind.Secondary;
        var account = await accounts.FindForAsync(caller, changes.AccountName, cancellationToken);
        if (account is null || account.Kind != expectedKind)
        {
            return Result<AccountState>.Failure(AccountErrors.NotFound(changes.AccountName ?? string.Empty));
        }

        var setsNewPassword = changes.Password is not null;
        if (AccountAccess.Check(caller, AccountFacts.Of(account), AccountOperation.Modify, setsNewPassword) is { } denied)
        {
            return Result<AccountState>.Failure(denied);
        }

        var now = clock.GetUtcNow();
        var rules = AccountRules.For(caller.WhiteLabel, now);
        var stored = (T)account.Data!;
        // The flag in force, also for files registered before it was written into them.
        stored.Test = account.IsTest;
        var (merged, errors) = AccountDataMerger.Merge(stored, changes);
        var all = errors.Concat(merged switch
        {
            PrimaryAccountData primary => AccountDataValidator.ValidatePrimary(primary, rules),
            SecondaryAccountData secondary => AccountDataValidator.ValidateSecondary(secondary, account.Category!.Value, rules),
            _ => [],
        }).ToList();
        if (changes is PrimaryAccountData { SecondaryAccountCount: { } allowance })
        {
            var opened = await accounts.CountSecondariesAsync(account.Id, cancellationToken);
            all.AddRange(AccountDataValidator.ValidateAllowanceChange(allowance, opened, rules));
        }

        // §4.3.2: a mailbox asked for an account already open only works with a new password, set in the same request.
        // Enrolled, open or closed: a mailbox opened on a CLOSED secondary is usable once it is re-enabled.
        var opensMailbox = account.Kind == AccountKind.Secondary && account.EnrolledAt is not null
            && !account.WantsMailbox && changes is SecondaryAccountData { Mailbox: true };
        if (opensMailbox && changes.Password is null)
        {
            all.Add(AccountErrors.MailboxNeedsNewPassword(nameof(AccountData.Password)));
        }

        if (all.Count > 0)
        {
            return Result<AccountState>.Failure(ErrorCodes.ValidationFailed, all);
        }

        if (merged is PrimaryAccountData { SecondaryAccountCount: { } count })
        {
            account.SecondaryAllowance = int.Parse(count, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (merged is SecondaryAccountData { Mailbox: { } mailbox })
        {
            account.WantsMailbox = mailbox;
        }

        if (merged.Password is { } password)
        {
            account.PasswordHash = await hashing.HashAsync(password, cancellationToken);
            account.PasswordChangedAt = now;
        }

        merged.Password = null;
        merged.NormalizePhoneNumbers();
        account.Data = merged;
        account.IndexFile();
        account.Touch();
        if (account.EnrolledAt is not null)
        {
            await RecordEnrolmentAsync(account, caller.WhiteLabel, cancellationToken);
        }

        audit.Record(caller.Actor, AuditEvents.AccountModified, account.WhiteLabelId, account.Login,
            remoteAddress: caller.RemoteAddress, detail: changes.Password is null ? null : "password changed");
        if (await accounts.SaveAsync(cancellationToken) is { } failure)
        {
            return Result<AccountState>.Failure(failure);
        }

        return account.State;
    }

    /// <summary>An enrolled account's mailbox, subscriptions and PED follow its file; its secondaries inherit a new PED.</summary>
    private async Task RecordEnrolmentAsync(Account account, WhiteLabel whiteLabel, CancellationToken cancellationToken)
    {
        var primary = account.PrimaryAccountId is { } primaryId ? await accounts.FindByIdAsync(primaryId, cancellationToken) : null;
        var ediPartnerNumber = account.EdiPartnerNumber;
        account.RecordEnrolment(whiteLabel, primary);
        if (account.Kind != AccountKind.Primary || account.EdiPartnerNumber == ediPartnerNumber)
        {
            return;
        }

        foreach (var secondary in await accounts.SecondariesOfAsync(account.Id, cancellationToken))
        {
            if (secondary.EnrolledAt is not null)
            {
                secondary.RecordEnrolment(whiteLabel, account);
                secondary.Touch();
            }
        }
    }
}
