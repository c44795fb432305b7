using Guichet.Application.People;
using Guichet.Server.People;
using Microsoft.Extensions.Options;

namespace Guichet.Server.Areas.Portal.Pages;

public sealed class InscriptionModel(SignUp signUp, IOptions<PortalOptions> options) : SignUpPageModel(PortalPages.Space, signUp, options);
