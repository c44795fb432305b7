using Guichet.Application.People;
using Guichet.Server.People;

namespace Guichet.Server.Areas.Partners.Pages.Compte;

public sealed class MotDePasseExpireModel(ChangePassword change) : ChangePasswordPageModel(PartnerPages.Space, change, expired: true);
