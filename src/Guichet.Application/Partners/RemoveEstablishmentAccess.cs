using Guichet.Application.Accounts;
using Guichet.Application.Auditing;
using Guichet.Application.Mail;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Guichet.Application.Partners;

public sealed record RemovedAccess(string Email, string DisplayName, GrantedEstablishment Establishment);

/// <summary>
/// "Retirer": staff remove a person's access to one establishment (the establishment itself stays). Audited with staff's
/// name and address; an access that is not there (never granted, or removed meanwhile by a double click or a colleague)
/// is refused and writes nothing. The email telling the person which establishment they no longer reach is saved with it.
/// </summary>
public sealed class RemoveEstablishmentAccess(
    GuichetDbContext db,
    AuditTrail audit,
    MailOutbox outbox,
    IOptions<PartnerOptions> options)
{
    public const string SiretField = "Siret";

    public async Task<Result<RemovedAccess>> HandleAsync(StaffCaller staff, Guid personId, string? siret, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        siret = EstablishmentFields.Siret(errors, siret, SiretField);
        if (errors.Count > 0)
        {
            return Result<RemovedAccess>.Failure(ErrorCodes.ValidationFailed, errors);
        }

        var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new { p.Email, p.FirstName, p.LastName }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return PartnerErrors.PersonNotFound;
        }

        var access = await db.EstablishmentAccesses.Include(a => a.Establishment)
            .SingleOrDefaultAsync(a => a.PersonId == personId && a.Establishment!.Siret == siret, cancellationToken);
        if (access is null)
        {
            return PartnerErrors.AccessNotFound(siret);
        }

        var e = access.Establishment!;
        var establishment = new GrantedEstablishment(e.Siret, e.Name, e.Address, e.PostalCode, e.City, access.GrantedAt);
        db.EstablishmentAccesses.Remove(access);
        audit.Record(staff.AuditName, AuditEvents.EstablishmentAccessRemoved, null, person.Email, remoteAddress: staff.RemoteAddress,
            detail: siret);
        var partners = options.Value;
        outbox.Add(PartnerEmails.AccessRemoved(person.Email, person.FirstName, partners.OfFund, establishment, partners.ContactUrl));
        // Removed meanwhile: the delete touches no row, EF reports it, and the audit line goes with it.
        if (!await db.TrySaveChangesAsync(cancellationToken))
        {
            return PartnerErrors.AccessNotFound(siret);
        }

        return new RemovedAccess(person.Email, Person.DisplayNameOf(person.FirstName, person.LastName), establishment);
    }
}
