using Guichet.Application.People;
using Guichet.Server.People;

namespace Guichet.Server.Areas.Partners.Pages;

public sealed class EmailEnvoyeModel(ResendValidationEmail resend) : EmailSentPageModel(PartnerPages.Space, resend);
