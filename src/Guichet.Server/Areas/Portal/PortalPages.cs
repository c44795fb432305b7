using Guichet.Domain.People;
using Guichet.Server.People;

namespace Guichet.Server.Areas.Portal;

/// <summary>
/// Names of the portal's pages, for <c>RedirectToPage</c>, <c>asp-page</c> and the cookie's paths. Their addresses are
/// the pages' own <c>@page "/…"</c> templates, at the site's root as before the areas (the links in emails point there).
/// </summary>
public static class PortalPages
{
    public const string Area = "Portal";

    public const string Home = "/Index";
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

    /// <summary>The confirmation of "Quitter cette entreprise" or "Annuler ma demande" (route value <c>companyId</c>).</summary>
    public const string LeaveCompany = "/Compte/Quitter";
    public const string Tools = "/Outils";
    public const string AddCompany = "/Entreprises/Ajouter";
    public const string Company = "/Entreprises/Accueil";
    public const string CompanyUsers = "/Entreprises/Utilisateurs";

    /// <summary>Open to anyone; every other portal page needs <see cref="PortalPolicies.Person"/>.</summary>
    public static readonly IReadOnlyList<string> Anonymous =
        [SignIn, SignUp, ValidationEmailSent, ValidateEmail, ForgottenPassword, NewPassword];

    /// <summary>The Entreprise space as its shared pages (sign-up, email links, sign-in, passwords) see it.</summary>
    public static readonly PersonSpace Space = new()
    {
        Space = PortalSpace.Entreprise,
        Area = Area,
        Scheme = PortalClaims.Scheme,
        PathBase = string.Empty,
        Header = "Web Services Entreprise",
        Pages = new(Home, SignIn, SignOut, SignUp, ValidationEmailSent, ValidateEmail, ForgottenPassword, NewPassword, ExpiredPassword, Account,
            ChangePassword),
        Words = new()
        {
            EmailLabel = "Email",
            EmailConfirmationLabel = "Confirmer votre Email",
            PasswordConfirmationLabel = "Confirmer le mot de passe",
            AsksContributionsOnly = true,
            SignUpButton = "Créer le compte",
            EmailSentTitle = "Validation de compte",
            EmailSentBefore = "Un message de validation a été envoyé sur votre email : ",
            Validated = "Félicitations, votre compte a bien été validé.",
            Services = "Web services Entreprises",
        },
    };
}
