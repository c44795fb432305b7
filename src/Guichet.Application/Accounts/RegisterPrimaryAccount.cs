using Guichet.Application.Auditing;
using Guichet.Application.Security;
using Guichet.Data;
using Guichet.Domain.Accounts;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.WhiteLabels;
using Guichet.Identifiers;

namespace Guichet.Application.Accounts;

/// <summary>Seed 004 §2: a white label registers a primary account; the file then waits for the back office, or enrols at once.</summary>
public sealed class RegisterPrimaryAccount(
    GuichetDbContext db,
    AccountStore accounts,
    PasswordHashing hashing,
    RegistrationReceipts receipts,
    AuditTrail audit,
    TimeProvider clock)
{
    public async Task<Result<RegistrationReceipt>> HandleAsync(WhiteLabel whiteLabel, PrimaryAccountData data, string actor, string? remoteAddress,
        CancellationToken cancellationToken)
    {
        var requestHash = RegistrationReceipts.RequestHash(data);
        var now = clock.GetUtcNow();
        var rules = AccountRules.For(whiteLabel, now);
        var errors = AccountDataValidator.ValidatePrimary(data, rules).ToList();
        var login = Account.NormalizeLogin(whiteLabel.LoginPrefix + data.AccountName?.Trim());
        var name = await receipts.CheckLoginAsync(whiteLabel.Id, login, data, requestHash, cancellationToken);
        if (name.Repeated is { } repeated)
        {
            audit.Record(actor, AuditEvents.RegistrationRepeated, whiteLabel.Id, login, remoteAddress: remoteAddress, detail: repeated.FolderNumber);
            await db.SaveChangesAsync(cancellationToken);
            return repeated;
        }

        // Names are unique across white labels: only a file that is otherwise valid learns whether its name is taken, so
        // that deliberately broken requests cannot probe other white labels' logins for free.
        if (errors.Count == 0 && name.Taken)
        {
            errors.Add(AccountErrors.NameTaken(nameof(data.AccountName)));
        }

        if (errors.Count > 0)
        {
            return Result<RegistrationReceipt>.Failure(ErrorCodes.ValidationFailed, errors);
        }

        data.NormalizePhoneNumbers();
        var password = string.IsNullOrEmpty(data.Password)
            ? PasswordGenerator.Generate(rules.PasswordPolicy, AccountPasswords.GeneratedLength)
            : data.Password;
        var account = new Account
        {
            WhiteLabelId = whiteLabel.Id,
            Kind = AccountKind.Primary,
            Login = login,
            FolderNumber = await accounts.NewFolderNumberAsync(now, cancellationToken),
            State = AccountState.WAIT_FOR_FILES,
            StateChangedAt = now,
            Category = data.Category,
            IsTest = data.Test ?? whiteLabel.TestEnvironment,
            SecondaryAllowance = int.Parse(data.SecondaryAccountCount!, System.Globalization.CultureInfo.InvariantCulture),
            WantsMailbox = true,
            PasswordHash = await hashing.HashAsync(password, cancellationToken),
            PasswordChangedAt = now,
            Data = data,
            CreatedAt = now,
        };
        account.Data.AccountName = data.AccountName!.Trim();
        account.Data.Test = account.IsTest;
        account.IndexFile();
        db.Accounts.Add(account);
        receipts.Keep(account, requestHash, password);
        audit.Record(actor, AuditEvents.AccountRegistered, whiteLabel.Id, account.Login, to: account.State.ToString(),
            remoteAddress: remoteAddress, detail: account.FolderNumber);
        if (whiteLabel.AutoEnrol)
        {
            accounts.MoveTo(account, AccountState.REGISTRATION_IN_PROGRESS, "system", remoteAddress, "auto-enrolment");
        }

        if (await accounts.SaveAsync(cancellationToken) is { } failure)
        {
            return Result<RegistrationReceipt>.Failure(ErrorCodes.ValidationFailed, [failure]);
        }

        return new RegistrationReceipt(account.FolderNumber, account.Login, password, account.State);
    }
}
