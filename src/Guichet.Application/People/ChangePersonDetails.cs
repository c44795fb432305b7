using Guichet.Application.Auditing;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.People;

/// <summary>What "Mon compte" lets a person change: the names, and in the Entreprise space the contributions-only choice.</summary>
/// <param name="Version">The person's version the page was read at: a change made meanwhile elsewhere is not overwritten.</param>
/// <param name="ContributionsOnly">Null where the space does not ask (Partenaire): the choice stays as it is.</param>
public sealed record PersonDetails(Guid Version, string? FirstName, string? LastName, bool? ContributionsOnly);

/// <summary>
/// "Mon compte": the same field rules as the sign-up form; saved against the version the page showed (a concurrent change,
/// in another tab or session, is refused with the details as they are now); audited with what changed, from and to. The
/// email is the login and is not changed here.
/// </summary>
public sealed class ChangePersonDetails(GuichetDbContext db, AuditTrail audit)
{
    public async Task<Result<Person>> HandleAsync(Guid personId, PersonDetails details, string? remoteAddress, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        PersonFields.FirstName(errors, details.FirstName, "FirstName");
        PersonFields.LastName(errors, details.LastName, "LastName");
        if (errors.Count > 0)
        {
            return Result<Person>.Failure(ErrorCodes.ValidationFailed, errors);
        }

        var person = await db.People.SingleAsync(p => p.Id == personId, cancellationToken);
        if (person.Version != details.Version)
        {
            return Result<Person>.Failure(PeopleErrors.DetailsChangedMeanwhile);
        }

        var from = Describe(person);
        person.FirstName = details.FirstName!.Trim();
        person.LastName = details.LastName!.Trim();
        person.ContributionsOnly = details.ContributionsOnly ?? person.ContributionsOnly;
        var to = Describe(person);
        if (from == to)
        {
            return person;
        }

        person.Version = Guid.NewGuid();
        // From and to are cut to their columns; two long names are kept whole in the detail.
        var whole = from.Length > AuditEntry.MaxValueLength || to.Length > AuditEntry.MaxValueLength ? $"{from} → {to}" : null;
        audit.Record(person.Email, AuditEvents.PersonDetailsChanged, null, person.Email, from: from, to: to, remoteAddress: remoteAddress,
            detail: whole);
        if (!await db.TrySaveChangesAsync(cancellationToken))
        {
            return Result<Person>.Failure(PeopleErrors.DetailsChangedMeanwhile);
        }

        return person;
    }

    private static string Describe(Person person) =>
        $"{person.FirstName} {person.LastName}" + (person.ContributionsOnly ? " (contributions only)" : string.Empty);
}
