using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Guichet.Data;
using Guichet.Domain.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Accounts;

/// <summary>
/// A registration whose answer was lost (a dropped connection after the commit) is sent again by the white label. If
/// the account it created has not authenticated since and the request is the same, the answer is the first one, its
/// password included; otherwise the name is taken (ALREADY_EXISTS). The password is kept encrypted, and only until
/// the account's first successful authentication or <see cref="Account.ReceiptLifetime"/>.
/// </summary>
public sealed class RegistrationReceipts(GuichetDbContext db, IDataProtectionProvider dataProtection, TimeProvider clock)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.General);

    private readonly IDataProtector _protector = dataProtection.CreateProtector("Guichet.RegistrationReceipts.v1");

    /// <summary>Identifies a request as received, before any normalisation: the file, and whether it chose its password.</summary>
    public static string RequestHash(AccountData data) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            JsonSerializer.Serialize(data, s_json) + (string.IsNullOrEmpty(data.Password) ? "\0generated" : "\0chosen"))));

    public void Keep(Account account, string requestHash, string password)
    {
        account.ReceiptPasswordProtected = _protector.Protect(password);
        account.ReceiptRequestHash = requestHash;
        account.ReceiptExpiresAt = clock.GetUtcNow() + Account.ReceiptLifetime;
    }

    /// <summary>The first answer, when this request repeats the one that created <paramref name="login"/> in this white label.</summary>
    public async Task<RegistrationReceipt?> FindRepeatedAsync(Guid whiteLabelId, string login, AccountData request, string requestHash,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(
            a => a.Login == login && a.WhiteLabelId == whiteLabelId && a.ReceiptExpiresAt > now, cancellationToken);
        if (account is not { ReceiptRequestHash: { } storedHash, ReceiptPasswordProtected: { } protectedPassword }
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(requestHash)))
        {
            return null;
        }

        var password = _protector.Unprotect(protectedPassword);
        // A chosen password is not part of the hash: it must be the same one.
        if (!string.IsNullOrEmpty(request.Password)
            && !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(request.Password)))
        {
            return null;
        }

        return new RegistrationReceipt(account.FolderNumber, account.Login, password, account.State);
    }
}
