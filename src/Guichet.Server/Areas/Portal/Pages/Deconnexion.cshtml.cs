using Guichet.Application.People;
using Guichet.Server.People;

namespace Guichet.Server.Areas.Portal.Pages;

public sealed class DeconnexionModel(EndPersonSession endSession) : SignOutPageModel(PortalPages.Space, endSession);
