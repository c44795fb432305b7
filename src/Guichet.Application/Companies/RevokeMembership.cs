using Guichet.Application.People;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.Companies;

namespace Guichet.Application.Companies;

/// <summary>
/// "Retirer l'accès": a company administrator removes an active member or administrator; a company never loses its last
/// administrator.
/// </summary>
public sealed class RevokeMembership(MembershipDecisions decisions, CompanyAdministrators administrators)
{
    public async Task<Result<Membership>> HandleAsync(Guid actorId, Guid companyId, Guid membershipId, PortalLinks links,
        CancellationToken cancellationToken)
    {
        var found = await decisions.FindAsync(actorId, companyId, membershipId, cancellationToken);
        if (!found.Succeeded)
        {
            return found;
        }

        var membership = found.Value;
        if (!membership.CanBeRevoked)
        {
            return Result<Membership>.Failure(CompanyErrors.PageOutOfDate);
        }

        if (membership.Role == MembershipRole.Administrator && await administrators.CountAsync(companyId, cancellationToken) <= 1)
        {
            return Result<Membership>.Failure(CompanyErrors.LastAdministrator);
        }

        return await decisions.RecordAsync(actorId, membership, membership.Revoke, AuditEvents.MembershipRevoked,
            CompanyEmails.AccessRevoked(membership, links.Login), cancellationToken);
    }
}
