using Guichet.Application.Accounts;
using Guichet.Application.Auditing;
using Guichet.Application.Mail;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.Partners;
using Guichet.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Guichet.Application.Partners;

/// <summary>
/// What staff ask: open <paramref name="PersonId"/>'s access to the establishments of <paramref name="Sirets"/> (blank
/// lines, blanks inside a SIRET and repeats do not count), creating from <paramref name="NewEstablishments"/> those not
/// known yet. Details of an establishment already known are ignored: granting never rewrites the directory.
/// </summary>
public sealed record AccessGrant(Guid PersonId, IReadOnlyList<string?> Sirets, IReadOnlyList<EstablishmentDetails> NewEstablishments)
{
    /// <summary>The field of the errors about the list of SIRETs.</summary>
    public const string SiretsField = nameof(Sirets);

    /// <summary>The field prefix of the errors about the <paramref name="index"/>-th new establishment ("NewEstablishments[0].").</summary>
    public static string NewEstablishmentField(int index) => $"{nameof(NewEstablishments)}[{index}].";
}

/// <param name="Created">The SIRETs of the establishments created on the way.</param>
public sealed record GrantedAccess(string Email, string DisplayName, IReadOnlyList<GrantedEstablishment> Establishments,
    IReadOnlyList<string> Created);

/// <summary>
/// "Ouvrir l'accès": staff associate a person's login with establishments (SIRET), all or nothing. Every SIRET is checked
/// (<see cref="EstablishmentFields"/>); an unknown one is created only from details staff gave for it (a name at least),
/// otherwise the whole grant is refused naming it; one already granted refuses the grant too. Saved in one transaction
/// with one audit line per access and per establishment created (staff's name and address); a double click or another
/// staff member granting or creating the same at the same moment is stopped by the unique indexes and writes nothing.
/// The email to the person (the establishments and the Partenaire space's sign-in link) is saved with it, in the outbox.
/// </summary>
public sealed class GrantEstablishmentAccess(
    GuichetDbContext db,
    AuditTrail audit,
    MailOutbox outbox,
    IOptions<PartnerOptions> options,
    TimeProvider clock)
{
    public async Task<Result<GrantedAccess>> HandleAsync(StaffCaller staff, AccessGrant grant, string signInLink,
        CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        var sirets = Sirets(errors, grant.Sirets);
        // The wrong lines are reported with what the right ones meet (granted already, unknown): all in one answer.
        if (sirets.Count == 0)
        {
            return Result<GrantedAccess>.Failure(ErrorCodes.ValidationFailed, errors);
        }

        var person = await db.People.AsNoTracking().Where(p => p.Id == grant.PersonId)
            .Select(p => new { p.Email, p.FirstName, p.LastName, p.EmailConfirmedAt }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return PartnerErrors.PersonNotFound;
        }

        if (person.EmailConfirmedAt is null)
        {
            return PartnerErrors.EmailNotConfirmed;
        }

        var known = await db.Establishments.AsNoTracking().Where(e => sirets.Contains(e.Siret)).ToDictionaryAsync(e => e.Siret, cancellationToken);
        var knownIds = known.Values.Select(e => e.Id).ToList();
        var granted = await db.EstablishmentAccesses.AsNoTracking()
            .Where(a => a.PersonId == grant.PersonId && knownIds.Contains(a.EstablishmentId))
            .Select(a => a.Establishment!.Siret).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var establishments = new List<Establishment>();
        var created = new List<Establishment>();
        foreach (var siret in sirets)
        {
            if (granted.Contains(siret))
            {
                errors.Add(PartnerErrors.AlreadyGranted(siret, AccessGrant.SiretsField));
            }
            else if (known.TryGetValue(siret, out var establishment))
            {
                establishments.Add(establishment);
            }
            else if (New(errors, grant.NewEstablishments, siret, now) is { } added)
            {
                establishments.Add(added);
                created.Add(added);
            }
        }

        if (errors.Count > 0)
        {
            return Result<GrantedAccess>.Failure(ErrorCodes.ValidationFailed, errors);
        }

        foreach (var e in created)
        {
            db.Establishments.Add(e);
            var address = Establishment.PostalAddress(e.Address, e.PostalCode, e.City);
            audit.Record(staff.AuditName, AuditEvents.EstablishmentCreated, null, e.Siret, remoteAddress: staff.RemoteAddress,
                detail: address.Length > 0 ? $"{e.Name} — {address}" : e.Name);
        }

        foreach (var establishment in establishments)
        {
            db.EstablishmentAccesses.Add(new EstablishmentAccess
            {
                PersonId = grant.PersonId,
                EstablishmentId = establishment.Id,
                GrantedAt = now,
                GrantedBy = staff.AuditName,
            });
            audit.Record(staff.AuditName, AuditEvents.EstablishmentAccessGranted, null, person.Email, remoteAddress: staff.RemoteAddress,
                detail: establishment.Siret);
        }

        var lines = establishments.Select(e => new GrantedEstablishment(e.Siret, e.Name, e.Address, e.PostalCode, e.City, now)).ToList();
        outbox.Add(PartnerEmails.AccessOpened(person.Email, person.FirstName, options.Value.FundName, lines, signInLink));
        // One SaveChanges, one transaction: the establishments, the accesses, their audit lines and the email, or nothing.
        if (!await db.TrySaveChangesAsync(cancellationToken))
        {
            return PartnerErrors.GrantedMeanwhile;
        }

        return new GrantedAccess(person.Email, Person.DisplayNameOf(person.FirstName, person.LastName), lines,
            [.. created.Select(e => e.Siret)]);
    }

    /// <summary>The distinct SIRETs of the list, normalized, in the order typed; each wrong line's error names it.</summary>
    private static List<string> Sirets(List<Error> errors, IReadOnlyList<string?> typed)
    {
        var sirets = new List<string>();
        foreach (var line in typed.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!.Trim()))
        {
            var lineErrors = new List<Error>();
            var siret = EstablishmentFields.Siret(lineErrors, line, AccessGrant.SiretsField);
            errors.AddRange(lineErrors.Select(e => PartnerErrors.InList(line, e)));
            if (lineErrors.Count == 0 && !sirets.Contains(siret))
            {
                sirets.Add(siret);
            }
        }

        if (sirets.Count == 0 && errors.Count == 0)
        {
            errors.Add(PartnerErrors.SiretsRequired(AccessGrant.SiretsField));
        }

        return sirets;
    }

    /// <summary>The establishment to create for an unknown SIRET, from the details staff gave for it (checked), or null.</summary>
    private static Establishment? New(List<Error> errors, IReadOnlyList<EstablishmentDetails> details, string siret, DateTimeOffset now)
    {
        var index = details.ToList().FindIndex(d => EstablishmentFields.NormalizeSiret(d.Siret) == siret);
        if (index < 0)
        {
            errors.Add(PartnerErrors.UnknownEstablishment(siret));
            return null;
        }

        return EstablishmentFields.Check(errors, details[index], AccessGrant.NewEstablishmentField(index)) is { } checkedDetails
            ? new Establishment
            {
                Siret = siret,
                Name = checkedDetails.Name!,
                Address = checkedDetails.Address!,
                PostalCode = checkedDetails.PostalCode!,
                City = checkedDetails.City!,
                CreatedAt = now,
            }
            : null;
    }
}
