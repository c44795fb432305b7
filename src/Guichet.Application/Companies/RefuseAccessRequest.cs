using Guichet.Application.People;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.Companies;

namespace Guichet.Application.Companies;

/// <summary>"Refuser": a company administrator turns down a pending access request.</summary>
public sealed class RefuseAccessRequest(MembershipDecisions decisions)
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
        if (!membership.CanBeRefused)
        {
            return Result<Membership>.Failure(CompanyErrors.PageOutOfDate);
        }

        return await decisions.RecordAsync(actor, membership, membership.Refuse, AuditEvents.MembershipRefused,
            CompanyEmails.AccessRefused(membership, links.Login), cancellationToken);
    }
}
