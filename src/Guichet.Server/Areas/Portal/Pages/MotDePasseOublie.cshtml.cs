using Guichet.Application.People;
using Guichet.Server.People;

namespace Guichet.Server.Areas.Portal.Pages;

public sealed class MotDePasseOublieModel(RequestPasswordReset reset) : ForgottenPasswordPageModel(PortalPages.Space, reset);
