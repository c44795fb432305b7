using Guichet.Application.People;
using Guichet.Server.People;

namespace Guichet.Server.Areas.Portal.Pages;

public sealed class EmailEnvoyeModel(ResendValidationEmail resend) : EmailSentPageModel(PortalPages.Space, resend);
