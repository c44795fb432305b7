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
        CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        PersonFields.Password(errors, options.Value.PasswordPolicy, password, confirmation);
        if (errors.Count > 0)
        {
            return Result<Person>.Failure(ErrorCodes.ValidationFailed, errors);
        }

        var consumed = await tokens.ConsumeAsync(token, TokenPurpose.PasswordReset, cancellationToken);
        if (!consumed.Succeeded)
        {
            return consumed.Cast<Person>();
        }

        var person = await db.People.SingleAsync(p => p.Id == consumed.Value.PersonId, cancellationToken);
        // Following a link sent to the address also proves the address.
        person.EmailConfirmedAt ??= clock.GetUtcNow();
        await passwordChange.CompleteAsync(person, password!, links, cancellationToken);
        return person;
    }
}
