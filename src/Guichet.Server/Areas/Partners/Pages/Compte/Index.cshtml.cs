using Guichet.Application.People;
using Guichet.Server.People;

namespace Guichet.Server.Areas.Partners.Pages.Compte;

public sealed class IndexModel(PeopleQueries people, ChangePersonDetails change) : AccountPageModel(PartnerPages.Space, people, change);
