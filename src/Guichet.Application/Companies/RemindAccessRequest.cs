using Guichet.Application.Mail;
using Guichet.Application.People;
using Guichet.Data;
using Guichet.Domain.Common;
using Guichet.Domain.Companies;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Companies;

/// <summary>"Relancer ma demande": emails the company's administrators again, at most once a day per request.</summary>
public sealed class RemindAccessRequest(GuichetDbContext db, CompanyAdministrators administrators, MailOutbox outbox, TimeProvider clock)
{
    public async Task<Result<Membership>> HandleAsync(Guid personId, Guid membershipId, PortalLinks links, CancellationToken cancellationToken)
    {
        var membership = await db.Memberships.Include(m => m.Person).Include(m => m.Company)
            .SingleOrDefaultAsync(m => m.Id == membershipId && m.PersonId == personId, cancellationToken);
        if (membership is null || membership.Status != MembershipStatus.Pending)
        {
            return Result<Membership>.Failure(CompanyErrors.RequestNoLongerPending);
        }

        var now = clock.GetUtcNow();
        if (!membership.CanRemind(now))
        {
            return Result<Membership>.Failure(CompanyErrors.ReminderTooSoon);
        }

        membership.LastRemindedAt = now;
        membership.Touch();
        foreach (var administrator in await administrators.EmailsAsync(membership.CompanyId, cancellationToken))
        {
            outbox.Add(CompanyEmails.AccessRequested(administrator, membership.Person!.Email, membership.Company!.Name,
                links.ManageUsers(membership.CompanyId), reminder: true));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<Membership>.Failure(CompanyErrors.RemindedMeanwhile);
        }

        return membership;
    }
}
