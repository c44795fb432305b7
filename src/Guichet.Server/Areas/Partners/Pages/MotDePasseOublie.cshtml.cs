using Guichet.Application.People;
using Guichet.Server.People;

namespace Guichet.Server.Areas.Partners.Pages;

public sealed class MotDePasseOublieModel(RequestPasswordReset reset) : ForgottenPasswordPageModel(PartnerPages.Space, reset);
