using Guichet.Server.People;

namespace Guichet.Server.Areas.Portal;

/// <summary>Base of the Entreprise space's own pages (companies, tools); its shared pages derive from the People base models.</summary>
public abstract class PortalPageModel() : PersonPageModel(PortalPages.Space);
