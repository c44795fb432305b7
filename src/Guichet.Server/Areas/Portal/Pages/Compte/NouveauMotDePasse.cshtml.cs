using Guichet.Application.People;
using Guichet.Server.People;

namespace Guichet.Server.Areas.Portal.Pages.Compte;

public sealed class NouveauMotDePasseModel(ResetPassword reset) : NewPasswordPageModel(PortalPages.Space, reset);
