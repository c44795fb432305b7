using Guichet.Application.People;
using Guichet.Server.People;

namespace Guichet.Server.Areas.Portal.Pages;

public sealed class InscriptionModel(SignUp signUp) : SignUpPageModel(PortalPages.Space, signUp);
