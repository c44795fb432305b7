using Guichet.Application.People;
using Guichet.Server.People;

namespace Guichet.Server.Areas.Portal.Pages.Compte;

public sealed class MotDePasseExpireModel(ChangePassword change) : ChangePasswordPageModel(PortalPages.Space, change, expired: true);
