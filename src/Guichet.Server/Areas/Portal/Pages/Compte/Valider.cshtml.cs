using Guichet.Application.People;
using Guichet.Server.People;

namespace Guichet.Server.Areas.Portal.Pages.Compte;

public sealed class ValiderModel(ValidateEmail validate) : ValidateEmailPageModel(PortalPages.Space, validate);
