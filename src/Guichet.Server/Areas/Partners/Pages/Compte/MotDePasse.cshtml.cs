using Guichet.Application.People;
using Guichet.Server.People;
using Microsoft.Extensions.Options;

namespace Guichet.Server.Areas.Partners.Pages.Compte;

public sealed class MotDePasseModel(ChangePassword change, IOptions<PortalOptions> options) : ChangePasswordPageModel(PartnerPages.Space, change, options);
