using Guichet.Server.People;

namespace Guichet.Server.Areas.Partners;

/// <summary>Base of the Partenaire space's own pages (home, establishment); its shared pages derive from the People base models.</summary>
public abstract class PartnerPageModel() : PersonPageModel(PartnerPages.Space);
