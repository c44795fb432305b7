using Guichet.Application.Accounts;
using Guichet.Application.Auditing;
using Guichet.Application.Security;
using Guichet.Data;
using Guichet.Domain.Accounts;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Identifiers;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.WhiteLabels;

/// <summary>Creates a white label's administrator account (REGISTERED at once); the password is generated when not given.</summary>
public sealed class CreateAdministrator(GuichetDbContext db, AccountStore accounts, PasswordHashing hashing, AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<RegistrationReceipt>> HandleAsync(string whiteLabelCode, string login, string? password, string actor,
        CancellationToken cancellationToken)
    {
        var whiteLabel = await db.WhiteLabels.SingleOrDefaultAsync(w => w.Code == whiteLabelCode, cancellationToken);
        if (whiteLabel is null)
        {
            return Result<RegistrationReceipt>.Failure(WhiteLabelErrors.UnknownWhiteLabel(whiteLabelCode, "WhiteLabel"));
        }

        var key = Account.NormalizeLogin(login);
        var errors = new List<Error>();
        if (key.Length is 0 or > AccountRules.MaxLoginLength || !AccountDataValidator.IsWellFormedAccountName(key))
        {
            errors.Add(WhiteLabelErrors.AdministratorLoginInvalid("Login"));
        }
        else if (await accounts.LoginExistsAsync(key, cancellationToken))
        {
            errors.Add(WhiteLabelErrors.AdministratorLoginTaken("Login"));
        }

        if (password is not null)
        {
            errors.AddRange(AccountPasswords.Check(password, PasswordPolicy.Registering, "Password"));
        }

        if (errors.Count > 0)
        {
            return Result<RegistrationReceipt>.Failure(ErrorCodes.ValidationFailed, errors);
        }

        var now = clock.GetUtcNow();
        password ??= AccountPasswords.NewAdministratorPassword();
        var account = new Account
        {
            WhiteLabelId = whiteLabel.Id,
            Kind = AccountKind.Administrator,
            Login = key,
            FolderNumber = await accounts.NewFolderNumberAsync(now, cancellationToken),
            State = AccountState.REGISTERED,
            StateChangedAt = now,
            PasswordHash = await hashing.HashAsync(password, cancellationToken),
            PasswordChangedAt = now,
            CreatedAt = now,
            EnrolledAt = now,
        };
        // No file: every search column stays empty, and the row is marked as indexed.
        account.IndexFile();
        db.Accounts.Add(account);
        audit.Record(actor, AuditEvents.AdministratorCreated, whiteLabel.Id, key);
        if (await accounts.SaveAsync(cancellationToken) is { } failure)
        {
            return Result<RegistrationReceipt>.Failure(ErrorCodes.ValidationFailed, [failure]);
        }

        return new RegistrationReceipt(account.FolderNumber, key, password, account.State);
    }
}
