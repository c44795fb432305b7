using Guichet.Application.Companies;
using Guichet.Domain.Companies;
using Guichet.Server.People;
using Microsoft.AspNetCore.Authorization;

namespace Guichet.Server.Areas.Portal;

/// <summary>The company named by the route's <c>companyId</c> is one where the person holds an active membership.</summary>
public sealed class CompanyScopeRequirement(bool administrator) : IAuthorizationRequirement
{
    public const string RouteValue = "companyId";

    /// <summary>The membership must be an administrator's.</summary>
    public bool Administrator { get; } = administrator;
}

/// <summary>Fails closed: no route value, an unreadable one, or no such membership leaves the requirement unmet.</summary>
public sealed class CompanyScopeHandler(CompanyQueries queries) : AuthorizationHandler<CompanyScopeRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CompanyScopeRequirement requirement)
    {
        var personId = context.User.PersonId();
        if (context.Resource is not HttpContext http
            || !Guid.TryParse(http.GetRouteValue(CompanyScopeRequirement.RouteValue)?.ToString(), out var companyId)
            || personId == Guid.Empty)
        {
            return;
        }

        var memberships = await queries.MembershipsAsync(personId, http.RequestAborted);
        if (memberships.Any(m => m.CompanyId == companyId && m.Status == MembershipStatus.Active
            && (!requirement.Administrator || m.Role == MembershipRole.Administrator)))
        {
            context.Succeed(requirement);
        }
    }
}
