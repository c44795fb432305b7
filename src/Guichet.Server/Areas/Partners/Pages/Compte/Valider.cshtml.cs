using Guichet.Application.People;
using Guichet.Server.People;

namespace Guichet.Server.Areas.Partners.Pages.Compte;

public sealed class ValiderModel(ValidateEmail validate) : ValidateEmailPageModel(PartnerPages.Space, validate);
