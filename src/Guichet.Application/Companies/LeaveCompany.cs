using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.Companies;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Companies;

/// <summary>
/// "Quitter cette entreprise" (an active access) and "Annuler ma demande" (a pending request), from "Mon compte": the
/// person's own membership of the company, through <see cref="MembershipDecisions"/> like every other decision. The last
/// administrator may not leave (nobody would answer the company's requests): they name another one first. An
/// administrator leaving changes the company's version, so two last administrators leaving at once leave one of them.
/// Nobody is emailed: the person has just seen the result on the page; a withdrawn request leaves the administrators
/// nothing to do, and a departure shows in "Gérer les utilisateurs" and in the audit trail.
/// </summary>
public sealed class LeaveCompany(GuichetDbContext db, MembershipDecisions decisions, CompanyAdministrators administrators)
{
    public async Task<Result<Membership>> HandleAsync(Guid personId, Guid companyId, CancellationToken cancellationToken)
    {
        var membership = await db.Memberships.Include(m => m.Person).Include(m => m.Company)
            .SingleOrDefaultAsync(m => m.PersonId == personId && m.CompanyId == companyId, cancellationToken);
        if (membership is null || !(membership.CanBeLeft || membership.CanBeWithdrawn))
        {
            return Result<Membership>.Failure(CompanyErrors.NothingToLeave);
        }

        var actor = new CompanyActor.Self(personId);
        if (membership.CanBeWithdrawn)
        {
            return await decisions.RecordAsync(actor, membership, membership.Withdraw, AuditEvents.MembershipWithdrawn, email: null,
                cancellationToken);
        }

        if (membership.IsActiveAdministrator && await administrators.CountAsync(companyId, cancellationToken) <= 1)
        {
            return Result<Membership>.Failure(CompanyErrors.LastAdministratorCannotLeave);
        }

        return await decisions.RecordAsync(actor, membership, membership.Leave, AuditEvents.MembershipLeft, email: null, cancellationToken);
    }
}
