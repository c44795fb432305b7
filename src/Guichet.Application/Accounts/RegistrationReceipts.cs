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

    // The columns of the login's holder that both questions need, not its file: a statement fewer than asking them
    // apart, and no JSON read for it (a registration's name is usually free, and then nothing is fetched).
    private static readonly CompiledPerModel<Func<GuichetDbContext, string, CancellationToken, Task<Holder?>>> s_holder = new(() =>
        EF.CompileAsyncQuery((GuichetDbContext db, string login, CancellationToken _) =>
            db.Accounts.Where(a => a.Login == login)
                .Select(a => new Holder(a.WhiteLabelId, a.FolderNumber, a.State, a.ReceiptExpiresAt, a.ReceiptRequestHash,
                    a.ReceiptPasswordProtected))
                .SingleOrDefault()));

    /// <summary>
    /// What a registration must know of <paramref name="login"/>, in one read: whether an account holds it (in any white
    /// label: names are unique across them), and the first answer when this request repeats the one that created it in
    /// this white label.
    /// </summary>
    public async Task<LoginCheck> CheckLoginAsync(Guid whiteLabelId, string login, AccountData request, string requestHash,
        CancellationToken cancellationToken)
    {
        var holder = await s_holder.For(db)(db, login, cancellationToken);
        return holder is null ? LoginCheck.Free : new LoginCheck(Taken: true, Repeated(holder, whiteLabelId, login, request, requestHash));
    }

    private RegistrationReceipt? Repeated(Holder holder, Guid whiteLabelId, string login, AccountData request, string requestHash)
    {
        if (holder is not { ReceiptRequestHash: { } storedHash, ReceiptPasswordProtected: { } protectedPassword }
            || holder.WhiteLabelId != whiteLabelId || !(holder.ReceiptExpiresAt > clock.GetUtcNow())
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

        return new RegistrationReceipt(holder.FolderNumber, login, password, holder.State);
    }

    private sealed record Holder(Guid WhiteLabelId, string FolderNumber, AccountState State, DateTimeOffset? ReceiptExpiresAt,
        string? ReceiptRequestHash, string? ReceiptPasswordProtected);
}

/// <summary>What a registration learns of its login (<see cref="RegistrationReceipts.CheckLoginAsync"/>).</summary>
/// <param name="Taken">An account holds the login, in any white label.</param>
/// <param name="Repeated">The first answer, when this request repeats the one that created that account.</param>
public sealed record LoginCheck(bool Taken, RegistrationReceipt? Repeated)
{
    public static readonly LoginCheck Free = new(Taken: false, Repeated: null);
}
