using Guichet.Application.Auditing;
using Guichet.Application.Mail;
using Guichet.Data;
using Guichet.Domain.Common;
using Guichet.Domain.Companies;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Companies;

/// <summary>
/// The steps the decisions on a membership share (approve, refuse, revoke, make administrator), whether a company
/// administrator takes them on the portal or staff in the back office: a company administrator's role is checked here, on
/// the server, for every decision; the decision is saved with its audit line (staff: their address too), and a concurrent
/// decision on the same membership loses instead of overwriting; the person is told by email. A decision that makes or
/// unmakes an administrator also changes the company's version, so that two such decisions taken at once on two
/// memberships (two administrators removing each other) cannot both pass a count of administrators read before either.
/// </summary>
public sealed class MembershipDecisions(
    GuichetDbContext db,
    CompanyAdministrators administrators,
    MailOutbox outbox,
    AuditTrail audit,
    TimeProvider clock)
{
    /// <summary>The membership of the company, with its person and company, when the actor may decide for that company.</summary>
    public async Task<Result<Membership>> FindAsync(CompanyActor actor, Guid companyId, Guid membershipId, CancellationToken cancellationToken)
    {
        if (actor is CompanyActor.Administrator administrator && !await administrators.IncludesAsync(administrator.PersonId, companyId,
            cancellationToken))
        {
            return Result<Membership>.Failure(CompanyErrors.NotAdministrator);
        }

        var membership = await db.Memberships.Include(m => m.Person).Include(m => m.Company)
            .SingleOrDefaultAsync(m => m.Id == membershipId && m.CompanyId == companyId, cancellationToken);
        return membership ?? Result<Membership>.Failure(CompanyErrors.RequestNotFound);
    }

    /// <summary>
    /// Applies <paramref name="decide"/> (a transition of <see cref="Membership"/>) in the actor's name, audits it and saves it
    /// with the email to the person (in the outbox), unless there is nothing to tell (<paramref name="email"/> null).
    /// </summary>
    public async Task<Result<Membership>> RecordAsync(CompanyActor actor, Membership membership, Action<string, DateTimeOffset> decide,
        string auditEvent, MailMessage? email, CancellationToken cancellationToken)
    {
        var (name, address) = actor switch
        {
            CompanyActor.Administrator administrator => (
                await db.People.AsNoTracking().Where(p => p.Id == administrator.PersonId).Select(p => p.Email).SingleAsync(cancellationToken),
                (string?)null),
            CompanyActor.Self self => (
                await db.People.AsNoTracking().Where(p => p.Id == self.PersonId).Select(p => p.Email).SingleAsync(cancellationToken),
                (string?)null),
            CompanyActor.Staff staff => (staff.Caller.AuditName, staff.Caller.RemoteAddress),
            _ => throw new ArgumentOutOfRangeException(nameof(actor)),
        };
        var from = $"{membership.Status}/{membership.Role}";
        var wasAdministrator = membership.IsActiveAdministrator;
        decide(name, clock.GetUtcNow());
        if (wasAdministrator != membership.IsActiveAdministrator)
        {
            membership.Company!.Touch();
        }

        audit.Record(name, auditEvent, null, $"{membership.Company!.Siren}:{membership.Person!.Email}",
            from: from, to: $"{membership.Status}/{membership.Role}", remoteAddress: address);
        if (email is not null)
        {
            outbox.Add(email);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            db.ChangeTracker.Clear();
            var administratorsChanged = exception.Entries.Any(e => e.Entity is Company);
            return Result<Membership>.Failure(actor switch
            {
                CompanyActor.Staff => CompanyErrors.ChangedMeanwhile,
                _ when administratorsChanged => CompanyErrors.AdministratorsChangedMeanwhile,
                CompanyActor.Self => CompanyErrors.OwnMembershipChangedMeanwhile,
                _ => CompanyErrors.DecidedMeanwhile,
            });
        }

        return membership;
    }
}
