using Guichet.Domain.Accounts;
using Guichet.Domain.Common;
using Guichet.Domain.Staff;
using Guichet.Identifiers;

namespace Guichet.Application.Staff;

/// <summary>The back office's staff accounts: every failure a staff use case reports, with its stable code and French message.</summary>
public static class StaffErrors
{
    public static Error SignInIncomplete() =>
        new(ErrorCodes.UserAuthenticationFailed, "Saisissez votre adresse électronique et votre mot de passe.");

    /// <summary>Unknown email, wrong password and disabled member: one answer, so that no one learns which.</summary>
    public static Error WrongCredentials(string retry) =>
        new(ErrorCodes.UserAuthenticationFailed, "Adresse électronique ou mot de passe incorrect. " + retry);

    /// <summary>A step of the sign-in for a member who is unknown or was disabled meanwhile.</summary>
    public static Error SignInExpired() =>
        new(ErrorCodes.UserAuthenticationFailed, "Votre connexion n'est plus valable : connectez-vous de nouveau.");

    public static Error EmailRequired(string field) => new(ErrorCodes.Required, "L'adresse électronique est obligatoire.", field);

    public static Error InvalidEmail(string field) =>
        new(ErrorCodes.InvalidEmail, $"Adresse électronique invalide ({EmailAddress.MaxLength} caractères au plus).", field);

    public static Error EmailTaken(string field) =>
        new(ErrorCodes.AlreadyExists, "Un membre du back office a déjà cette adresse électronique.", field);

    public static Error NameRequired(string field) => new(ErrorCodes.Required, "Le nom est obligatoire.", field);

    public static Error NameTooLong(string field) =>
        new(ErrorCodes.TooLong, $"Le nom : {StaffMember.MaxDisplayNameLength} caractères au plus.", field);

    public static Error InvalidRole(string field) => new(ErrorCodes.InvalidValue, "Rôle inconnu : agent ou administrateur.", field);

    public static Error NotFound() => new(ErrorCodes.StaffNotFound, "Ce membre du back office n'existe pas.");

    public static Error AdministratorsOnly() => new(ErrorCodes.AccessDenied, "Réservé aux administrateurs du back office.");

    public static Error WrongCurrentPassword(string field) =>
        new(ErrorCodes.UserAuthenticationFailed, "Le mot de passe actuel est incorrect.", field);

    public static Error SamePassword(string field) => new(ErrorCodes.InvalidValue, "Choisissez un mot de passe différent de l'actuel.", field);

    public static Error PasswordRequired(string field) => new(ErrorCodes.Required, "Le mot de passe est obligatoire.", field);

    public static Error WeakPassword(PasswordPolicy policy, IEnumerable<PasswordRule> broken, string field) =>
        new(ErrorCodes.WeakPassword, PasswordMessages.Describe(policy, broken), field);

    public static Error PasswordMismatch(string field) => new(ErrorCodes.Mismatch, "Les deux mots de passe ne sont pas identiques.", field);

    public static Error PasswordChangeRequired() =>
        new(ErrorCodes.PasswordChangeRequired, "Choisissez d'abord un nouveau mot de passe.");

    public static Error TotpNotEnrolled() =>
        new(ErrorCodes.TotpNotEnrolled, "Enregistrez d'abord votre application d'authentification.");

    public static Error TotpAlreadyEnrolled() =>
        new(ErrorCodes.TotpAlreadyEnrolled,
            "Une application d'authentification est déjà enregistrée : "
            + "pour en changer, demandez à un administrateur de réinitialiser votre compte.");

    public static Error TotpEnrolmentNotStarted() =>
        new(ErrorCodes.TotpEnrolmentNotStarted, "Scannez d'abord le QR code avec votre application d'authentification.");

    public static Error CodeRequired(string field) =>
        new(ErrorCodes.Required, "Saisissez le code à 6 chiffres de votre application, ou un code de secours.", field);

    public static Error WrongEnrolmentCode(string field) =>
        new(ErrorCodes.InvalidCode, "Ce code ne correspond pas : vérifiez l'heure de votre téléphone et saisissez le code affiché.", field);

    /// <summary>A wrong, expired or already used code: one answer for all three.</summary>
    public static Error WrongCode(string retry) => new(ErrorCodes.InvalidCode, "Code incorrect ou déjà utilisé. " + retry, "Code");

    public static Error OwnAccount() =>
        new(ErrorCodes.OwnStaffAccount,
            "Vous ne pouvez ni désactiver ni réinitialiser votre propre compte : demandez-le à un autre administrateur.");

    public static Error LastAdministrator() =>
        new(ErrorCodes.LastAdministrator, "Le back office doit garder au moins un administrateur actif : nommez-en un autre d'abord.");

    public static Error AlreadyDisabled() => new(ErrorCodes.TransitionNotAllowed, "Ce membre est déjà désactivé.");

    public static Error AlreadyEnabled() => new(ErrorCodes.TransitionNotAllowed, "Ce membre est déjà actif.");

    /// <summary>A destructive action (disable, reset) whose confirmation box was left unticked: nothing is done.</summary>
    public static Error ConfirmationRequired(string field) => new(ErrorCodes.Required, "Cochez la case pour confirmer : rien n'a été fait.", field);

    public static Error ConcurrentModification() =>
        new(ErrorCodes.ConcurrentModification, "Ce membre du back office a été modifié entre-temps : rechargez la page et recommencez.");
}
