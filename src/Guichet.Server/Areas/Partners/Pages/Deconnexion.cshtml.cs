using Guichet.Server.People;

namespace Guichet.Server.Areas.Partners.Pages;

public sealed class DeconnexionModel() : SignOutPageModel(PartnerPages.Space);
