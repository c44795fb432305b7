using Guichet.Application.People;
using Guichet.Server.People;

namespace Guichet.Server.Areas.Partners.Pages.Compte;

public sealed class NouveauMotDePasseModel(ResetPassword reset) : NewPasswordPageModel(PartnerPages.Space, reset);
