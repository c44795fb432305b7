using Guichet.Data;
using Guichet.Domain.Common;
using Guichet.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Guichet.Application.People;

/// <summary>
/// A new password from a "mot de passe oublié" link; it signs the person out everywhere and emails them
/// (<see cref="PersonPasswordChange"/>).
/// </summary>
public sealed class ResetPassword(
    GuichetDbContext db,
    PersonTokens tokens,
    PersonPasswordChange passwordChange,
    TimeProvider clock,
    IOptions<PortalOptions> options)
{
    public async Task<Result<Person>> HandleAsync(string? token, string? password, string? confirmation, PortalLinks links,
        string? remoteAddress, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        PersonFields.Password(errors, options.Value.PasswordPolicy, password, confirmation);
        if (errors.Count > 0)
        {
            return Result<Person>.Failure(ErrorCodes.ValidationFailed, errors);
        }

        // A link that cannot be used costs no hash; a usable one is hashed for before the transaction, which on SQLite
        // holds every writer of the process (SqliteWriteGate) and would hold them through the hash and its queue.
        var usable = await tokens.PeekAsync(token, TokenPurpose.PasswordReset, cancellationToken);
        if (!usable.Succeeded)
        {
            return usable.Cast<Person>();
        }

        var passwordHash = await passwordChange.HashAsync(password!, cancellationToken);

        // The link is spent with the new password saved, or not at all (the person may try again with it); of two
        // clicks that both got past the look above, only one spends it.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var consumed = await tokens.ConsumeAsync(token, TokenPurpose.PasswordReset, cancellationToken);
        if (!consumed.Succeeded)
        {
            return consumed.Cast<Person>();
        }

        var person = await db.People.SingleAsync(p => p.Id == consumed.Value.PersonId, cancellationToken);
        // Following a link sent to the address also proves the address.
        person.EmailConfirmedAt ??= clock.GetUtcNow();
        if (!await passwordChange.CompleteAsync(person, passwordHash, links, remoteAddress, cancellationToken))
        {
            return Result<Person>.Failure(PeopleErrors.AccountChangedMeanwhile);
        }

        await transaction.CommitAsync(cancellationToken);
        return person;
    }
}
