using Guichet.Application.Auditing;
using Guichet.Application.Mail;
using Guichet.Application.People;
using Guichet.Data;
using Guichet.Domain.Common;
using Guichet.Domain.Companies;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Companies;

/// <summary>
/// The steps a company administrator's decisions share ("Gérer les utilisateurs": approve, refuse, revoke, make
/// administrator): the actor's role is checked here, on the server, for every decision; the decision is saved with its
/// audit line, and a concurrent decision on the same membership loses instead of overwriting; the person is told by email.
/// </summary>
public sealed class MembershipDecisions(
    GuichetDbContext db,
    CompanyAdministrators administrators,
    PortalMailer mailer,
    AuditTrail audit,
    TimeProvider clock)
{
    /// <summary>The membership of the company, with its person and company, when the actor administers that company.</summary>
    public async Task<Result<Membership>> FindAsync(Guid actorId, Guid companyId, Guid membershipId, CancellationToken cancellationToken)
    {
        if (!await administrators.IncludesAsync(actorId, companyId, cancellationToken))
        {
            return Result<Membership>.Failure(CompanyErrors.NotAdministrator);
        }

        var membership = await db.Memberships.Include(m => m.Person).Include(m => m.Company)
            .SingleOrDefaultAsync(m => m.Id == membershipId && m.CompanyId == companyId, cancellationToken);
        return membership ?? Result<Membership>.Failure(CompanyErrors.RequestNotFound);
    }

    /// <summary>
    /// Applies <paramref name="decide"/> (a transition of <see cref="Membership"/>) in the actor's name, audits it, saves, then
    /// emails the person.
    /// </summary>
    public async Task<Result<Membership>> RecordAsync(Guid actorId, Membership membership, Action<string, DateTimeOffset> decide, string auditEvent,
        MailMessage email, CancellationToken cancellationToken)
    {
        var actor = await db.People.AsNoTracking().SingleAsync(p => p.Id == actorId, cancellationToken);
        var from = $"{membership.Status}/{membership.Role}";
        decide(actor.Email, clock.GetUtcNow());
        audit.Record(actor.Email, auditEvent, null, $"{membership.Company!.Siren}:{membership.Person!.Email}",
            from: from, to: $"{membership.Status}/{membership.Role}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<Membership>.Failure(CompanyErrors.DecidedMeanwhile);
        }

        await mailer.TrySendAsync(email, cancellationToken);
        return membership;
    }
}
