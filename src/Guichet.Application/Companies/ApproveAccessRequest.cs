using Guichet.Application.People;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.Companies;

namespace Guichet.Application.Companies;

/// <summary>"Accepter": a company administrator grants a pending access request; the person becomes a member.</summary>
public sealed class ApproveAccessRequest(MembershipDecisions decisions)
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
        if (!membership.CanBeApproved)
        {
            return Result<Membership>.Failure(CompanyErrors.PageOutOfDate);
        }

        return await decisions.RecordAsync(actor, membership, membership.Approve, AuditEvents.MembershipApproved,
            CompanyEmails.AccessApproved(membership, links.Login), cancellationToken);
    }
}
