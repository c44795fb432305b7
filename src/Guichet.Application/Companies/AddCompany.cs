using Guichet.Application.Auditing;
using Guichet.Application.Mail;
using Guichet.Application.People;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.Companies;
using Guichet.Identifiers;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Companies;

public enum AddCompanyOutcome
{
    /// <summary>No one administered the company: the person is its administrator, at once.</summary>
    BecameAdministrator,
    /// <summary>An access request is emailed to the company's administrators (through the outbox, saved with it).</summary>
    AccessRequested,
}

public sealed record AddedCompany(AddCompanyOutcome Outcome, Membership Membership, Company Company);

/// <summary>
/// "Ajouter une entreprise" by SIREN and member code, checked against the member directory. The first comer of a
/// company without administrator becomes its administrator and changes the company's version: of two first comers at
/// once, the second's save fails on that version, and its second attempt sees an administrator and asks them.
/// </summary>
public sealed class AddCompany(GuichetDbContext db, CompanyAdministrators administrators, MailOutbox outbox, AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<AddedCompany>> HandleAsync(Guid personId, string? siren, string? memberCode, PortalLinks links,
        CancellationToken cancellationToken)
    {
        siren = TypedIdentifier.Compact(siren);
        memberCode = memberCode?.Trim() ?? string.Empty;
        var errors = new List<Error>();
        if (!Siren.IsValid(siren))
        {
            errors.Add(CompanyErrors.SirenInvalid("Siren"));
        }

        if (memberCode.Length == 0)
        {
            errors.Add(CompanyErrors.MemberCodeRequired("MemberCode"));
        }

        if (errors.Count > 0)
        {
            return Result<AddedCompany>.Failure(ErrorCodes.ValidationFailed, errors);
        }

        var added = await TryAddAsync(personId, siren, memberCode, links, cancellationToken);
        return added ?? await TryAddAsync(personId, siren, memberCode, links, cancellationToken)
            ?? Result<AddedCompany>.Failure(ErrorCodes.ValidationFailed, [CompanyErrors.RequestAlreadyRecorded("Siren")]);
    }

    /// <summary>The request, or null when another first comer took the company's administration meanwhile.</summary>
    private async Task<Result<AddedCompany>?> TryAddAsync(Guid personId, string siren, string memberCode, PortalLinks links,
        CancellationToken cancellationToken)
    {
        var company = await db.Companies.SingleOrDefaultAsync(c => c.Siren == siren, cancellationToken);
        if (company is null || !string.Equals(company.MemberCode, memberCode, StringComparison.OrdinalIgnoreCase))
        {
            // One message for both cases: the form must not tell which SIRENs are members.
            return Result<AddedCompany>.Failure(ErrorCodes.ValidationFailed, [CompanyErrors.UnknownMember("MemberCode")]);
        }

        var person = await db.People.SingleAsync(p => p.Id == personId, cancellationToken);
        var existing = await db.Memberships.SingleOrDefaultAsync(m => m.PersonId == personId && m.CompanyId == company.Id, cancellationToken);
        if (existing?.Status == MembershipStatus.Active)
        {
            return Result<AddedCompany>.Failure(ErrorCodes.ValidationFailed, [CompanyErrors.AlreadyMember("Siren")]);
        }

        if (existing?.Status == MembershipStatus.Pending)
        {
            return Result<AddedCompany>.Failure(ErrorCodes.ValidationFailed, [CompanyErrors.AlreadyRequested("Siren")]);
        }

        var administratorEmails = await administrators.EmailsAsync(company.Id, cancellationToken);
        var now = clock.GetUtcNow();
        var membership = existing ?? db.Memberships.Add(new Membership { PersonId = personId, CompanyId = company.Id }).Entity;
        membership.RequestedAt = now;
        membership.DecidedAt = null;
        membership.DecidedBy = null;
        membership.LastRemindedAt = null;
        membership.Touch();
        var outcome = administratorEmails.Count == 0 ? AddCompanyOutcome.BecameAdministrator : AddCompanyOutcome.AccessRequested;
        if (outcome == AddCompanyOutcome.BecameAdministrator)
        {
            membership.Role = MembershipRole.Administrator;
            membership.Status = MembershipStatus.Active;
            membership.DecidedAt = now;
            membership.DecidedBy = "first administrator";
            company.Touch();
        }
        else
        {
            membership.Role = MembershipRole.Member;
            membership.Status = MembershipStatus.Pending;
        }

        var auditEvent = outcome == AddCompanyOutcome.BecameAdministrator
            ? AuditEvents.MembershipFirstAdministrator
            : AuditEvents.MembershipRequested;
        audit.Record(person.Email, auditEvent, null, $"{company.Siren}:{person.Email}", to: membership.Status.ToString());
        if (outcome == AddCompanyOutcome.AccessRequested)
        {
            foreach (var administrator in administratorEmails)
            {
                outbox.Add(CompanyEmails.AccessRequested(administrator, person.Email, company.Name, links.ManageUsers(company.Id), reminder: false));
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException exception) when (exception.Entries.Any(e => e.Entity is Company))
        {
            db.ChangeTracker.Clear();
            return null;
        }
        catch (DbUpdateException exception) when (DbErrors.IsUniqueViolation(exception) || exception is DbUpdateConcurrencyException)
        {
            // Two submissions at once: the first one counts.
            db.ChangeTracker.Clear();
            return Result<AddedCompany>.Failure(ErrorCodes.ValidationFailed, [CompanyErrors.RequestAlreadyRecorded("Siren")]);
        }

        return new AddedCompany(outcome, membership, company);
    }
}
