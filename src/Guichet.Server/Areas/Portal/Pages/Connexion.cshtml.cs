using Guichet.Application.Companies;
using Guichet.Application.People;
using Guichet.Domain.Companies;
using Guichet.Server.People;

namespace Guichet.Server.Areas.Portal.Pages;

/// <summary>"Connexion" of the Entreprise space: a person with an active company lands on the tools, otherwise on "add a company".</summary>
public sealed class ConnexionModel(SignIn signIn, StartPersonSession startSession, TrustedDeviceCookie devices, CompanyQueries queries)
    : SignInPageModel(PortalPages.Space, signIn, startSession, devices)
{
    protected override async Task<string> LandingPageAsync(Guid personId, CancellationToken cancellationToken)
    {
        var memberships = await queries.MembershipsAsync(personId, cancellationToken);
        return memberships.Any(m => m.Status == MembershipStatus.Active) ? PortalPages.Tools : PortalPages.AddCompany;
    }
}
