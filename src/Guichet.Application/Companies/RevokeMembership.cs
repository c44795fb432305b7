using Guichet.Application.People;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.Companies;

namespace Guichet.Application.Companies;

/// <summary>
/// "Retirer l'accès": an active member or administrator loses access. A company administrator never removes the
/// company's last administrator (the company would lock itself out by mistake); staff may, to replace one who left:
/// they revoke, then appoint another (<see cref="AppointAdministrator"/>).
/// </summary>
public sealed class RevokeMembership(MembershipDecisions decisions, CompanyAdministrators administrators)
{
    public async Task<Result<Membership>> HandleAsync(CompanyActor actor, Guid companyId, Guid membershipId, PortalLinks links,
        CancellationToken cancellationToken)
    {
        var found = await decisions.FindAsync(actor, companyId, membershipId, cancellationToken);
        if (!found.Succeeded)
        {
            return found;
        }

        var membership = found.Value;
        if (!membership.CanBeRevoked)
        {
            return Result<Membership>.Failure(CompanyErrors.PageOutOfDate);
        }

        if (actor is CompanyActor.Administrator && membership.Role == MembershipRole.Administrator
            && await administrators.CountAsync(companyId, cancellationToken) <= 1)
        {
            return Result<Membership>.Failure(CompanyErrors.LastAdministrator);
        }

        return await decisions.RecordAsync(actor, membership, membership.Revoke, AuditEvents.MembershipRevoked,
            CompanyEmails.AccessRevoked(membership, links.Login), cancellationToken);
    }
}
