using Guichet.Application.Accounts;
using Guichet.Application.Auditing;
using Guichet.Application.Security;
using Guichet.Data;
using Guichet.Domain.Accounts;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.WhiteLabels;

/// <summary>The administrator's new password in clear: shown once, never stored so.</summary>
public sealed record AdministratorPasswordReset(string Login, string Password);

/// <summary>
/// Gives a white label's administrator account (made by <see cref="CreateAdministrator"/>) a new generated password.
/// The old one is refused at the next call: the stored hash changes, and <see cref="VerifiedPasswordCache"/> keys its
/// entries by that hash, so no remembered success of the old password can match any more.
/// </summary>
public sealed class ResetWhiteLabelAdministratorPassword(
    GuichetDbContext db, AccountStore accounts, PasswordHashing hashing, AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<AdministratorPasswordReset>> HandleAsync(string code, string login, string actor, string? remoteAddress,
        CancellationToken cancellationToken)
    {
        var whiteLabel = await db.WhiteLabels.AsNoTracking().SingleOrDefaultAsync(w => w.Code == code, cancellationToken);
        if (whiteLabel is null)
        {
            return WhiteLabelErrors.NotFound;
        }

        var key = Account.NormalizeLogin(login);
        var account = await db.Accounts.SingleOrDefaultAsync(
            a => a.WhiteLabelId == whiteLabel.Id && a.Login == key && a.Kind == AccountKind.Administrator, cancellationToken);
        if (account is null)
        {
            return WhiteLabelErrors.AdministratorNotFound;
        }

        var password = AccountPasswords.NewAdministratorPassword();
        account.PasswordHash = await hashing.HashAsync(password, cancellationToken);
        account.PasswordChangedAt = clock.GetUtcNow();
        account.Touch();
        audit.Record(actor, AuditEvents.AdministratorPasswordReset, whiteLabel.Id, key, remoteAddress: remoteAddress);
        if (await accounts.SaveAsync(cancellationToken) is { } failure)
        {
            return failure;
        }

        return new AdministratorPasswordReset(key, password);
    }
}
