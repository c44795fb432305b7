using Guichet.Server.People;

namespace Guichet.Server.Areas.Portal.Pages;

public sealed class DeconnexionModel() : SignOutPageModel(PortalPages.Space);
