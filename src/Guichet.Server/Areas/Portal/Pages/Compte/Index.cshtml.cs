using Guichet.Application.Companies;
using Guichet.Application.People;
using Guichet.Server.People;

namespace Guichet.Server.Areas.Portal.Pages.Compte;

/// <summary>"Mon compte" of the Entreprise space: the shared details, then the person's companies and pending requests.</summary>
public sealed class IndexModel(PeopleQueries people, ChangePersonDetails change, CompanyQueries companies)
    : AccountPageModel(PortalPages.Space, people, change)
{
    public IReadOnlyList<PersonMembership> Memberships { get; private set; } = [];

    protected override async Task LoadMoreAsync(CancellationToken cancellationToken) =>
        Memberships = await companies.MembershipsAsync(PersonId, cancellationToken);
}
