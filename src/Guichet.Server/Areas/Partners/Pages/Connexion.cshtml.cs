using Guichet.Application.People;
using Guichet.Server.People;

namespace Guichet.Server.Areas.Partners.Pages;

/// <summary>"Connexion" of the Partenaire space: the person lands on its home, or on a return address under <c>/partenaire</c>.</summary>
public sealed class ConnexionModel(SignIn signIn, StartPersonSession startSession, TrustedDeviceCookie devices)
    : SignInPageModel(PartnerPages.Space, signIn, startSession, devices);
