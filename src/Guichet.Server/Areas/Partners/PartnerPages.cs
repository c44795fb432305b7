using Guichet.Domain.People;
using Guichet.Server.People;

namespace Guichet.Server.Areas.Partners;

/// <summary>
/// Names of the Partenaire space's pages, for <c>RedirectToPage</c>, <c>asp-page</c> and the cookie's paths; their
/// addresses (the pages' <c>@page "/partenaire/…"</c> templates) are the Entreprise space's, under <see cref="PathBase"/>.
/// </summary>
public static class PartnerPages
{
    public const string Area = "Partners";

    /// <summary>Every Partenaire address is under this one, and so is its cookie.</summary>
    public const string PathBase = "/partenaire";

    /// <summary>The person's establishments and tools, or how to ask for access when there is none yet.</summary>
    public const string Home = "/Index";

    /// <summary>One establishment the person was granted, by its SIRET (route value <c>siret</c>).</summary>
    public const string Establishment = "/Etablissements/Etablissement";

    public const string SignIn = "/Connexion";
    public const string SignOut = "/Deconnexion";
    public const string SignUp = "/Inscription";
    public const string ValidationEmailSent = "/EmailEnvoye";
    public const string ValidateEmail = "/Compte/Valider";
    public const string ForgottenPassword = "/MotDePasseOublie";
    public const string NewPassword = "/Compte/NouveauMotDePasse";
    public const string ExpiredPassword = "/Compte/MotDePasseExpire";
    public const string Account = "/Compte/Index";
    public const string ChangePassword = "/Compte/MotDePasse";

    /// <summary>Open to anyone; every other Partenaire page needs <see cref="PartnerPolicies.Person"/>.</summary>
    public static readonly IReadOnlyList<string> Anonymous =
        [SignIn, SignUp, ValidationEmailSent, ValidateEmail, ForgottenPassword, NewPassword];

    /// <summary>The Partenaire space as its shared pages see it, in the words of its guide ("Web Services Partenaire").</summary>
    public static readonly PersonSpace Space = new()
    {
        Space = PortalSpace.Partenaire,
        Area = Area,
        Scheme = PartnerClaims.Scheme,
        PathBase = PathBase,
        Header = "Web Services Partenaire",
        Pages = new(Home, SignIn, SignOut, SignUp, ValidationEmailSent, ValidateEmail, ForgottenPassword, NewPassword, ExpiredPassword, Account,
            ChangePassword),
        Words = new()
        {
            EmailLabel = "Email",
            EmailConfirmationLabel = "Confirmer votre Email",
            PasswordConfirmationLabel = "Confirmer le mot de passe",
            AsksContributionsOnly = false,
            SignUpButton = "Créer le compte",
            EmailSentTitle = "Validation de compte",
            EmailSentBefore = "Un message de validation a été envoyé sur votre email : ",
            Validated = "Félicitations, votre compte a bien été validé.",
            Services = "Web services",
        },
    };
}
