using Guichet.Application.People;
using Guichet.Server.People;

namespace Guichet.Server.Areas.Partners.Pages;

public sealed class InscriptionModel(SignUp signUp) : SignUpPageModel(PartnerPages.Space, signUp);
