using Guichet.Application.People;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.Companies;

namespace Guichet.Application.Companies;

/// <summary>"Nommer administrateur": a company administrator makes an active member an administrator too.</summary>
public sealed class AppointAdministrator(MembershipDecisions decisions)
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
        if (!membership.CanBeMadeAdministrator)
        {
            return Result<Membership>.Failure(CompanyErrors.PageOutOfDate);
        }

        return await decisions.RecordAsync(actorId, membership, membership.MakeAdministrator, AuditEvents.MembershipMadeAdministrator,
            CompanyEmails.MadeAdministrator(membership, links.Login), cancellationToken);
    }
}
