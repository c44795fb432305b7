using Guichet.Application.People;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.Companies;

namespace Guichet.Application.Companies;

/// <summary>
/// "Nommer administrateur". A company administrator makes an active member an administrator too. Staff step in only
/// where the company has no administrator left (otherwise its administrators decide), and may then choose a member or a
/// person whose request nobody could answer. The company's version changes with every appointment
/// (<see cref="MembershipDecisions"/>), so that of two staff appointing two people at once, the second is refused.
/// </summary>
public sealed class AppointAdministrator(MembershipDecisions decisions, CompanyAdministrators administrators)
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
        if (actor is CompanyActor.Staff)
        {
            var current = await administrators.EmailsAsync(companyId, cancellationToken);
            if (current.Count > 0)
            {
                return Result<Membership>.Failure(CompanyErrors.AlreadyAdministered(current));
            }

            if (!membership.CanBeMadeFirstAdministrator)
            {
                return Result<Membership>.Failure(CompanyErrors.PageOutOfDate);
            }

            return await decisions.RecordAsync(actor, membership, membership.MakeFirstAdministrator, AuditEvents.MembershipMadeAdministrator,
                CompanyEmails.MadeAdministrator(membership, links.Login), cancellationToken);
        }

        if (!membership.CanBeMadeAdministrator)
        {
            return Result<Membership>.Failure(CompanyErrors.PageOutOfDate);
        }

        return await decisions.RecordAsync(actor, membership, membership.MakeAdministrator, AuditEvents.MembershipMadeAdministrator,
            CompanyEmails.MadeAdministrator(membership, links.Login), cancellationToken);
    }
}
