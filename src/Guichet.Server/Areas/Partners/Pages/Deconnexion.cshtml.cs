using Guichet.Application.People;
using Guichet.Server.People;

namespace Guichet.Server.Areas.Partners.Pages;

public sealed class DeconnexionModel(EndPersonSession endSession) : SignOutPageModel(PartnerPages.Space, endSession);
