using Guichet.Domain.Accounts;
using Guichet.Domain.Common;
using Guichet.Identifiers;

namespace Guichet.Application.People;

/// <summary>The French messages of people's failures (sign-up, email links, sign-in, passwords), each with its stable code.</summary>
public static class PeopleErrors
{
    public static Error EmailRequired(string field) => new(ErrorCodes.Required, "L'adresse électronique est obligatoire.", field);

    public static Error EmailInvalid(string field) => new(ErrorCodes.InvalidEmail, "Adresse électronique invalide.", field);

    public static Error EmailsDiffer(string field) => new(ErrorCodes.Mismatch, "Les deux adresses électroniques ne sont pas identiques.", field);

    public static Error PasswordRequired(string field) => new(ErrorCodes.Required, "Le mot de passe est obligatoire.", field);

    public static Error PasswordTooWeak(PasswordPolicy policy, IReadOnlyList<PasswordRule> broken, string field) =>
        new(ErrorCodes.WeakPassword, PasswordMessages.Describe(policy, broken), field);

    public static Error PasswordsDiffer(string field) => new(ErrorCodes.Mismatch, "Les deux mots de passe ne sont pas identiques.", field);

    public static Error FirstNameRequired(string field) => new(ErrorCodes.Required, "Le prénom est obligatoire.", field);

    public static Error FirstNameTooLong(string field) => new(ErrorCodes.TooLong, "Le prénom : 100 caractères au plus.", field);

    public static Error LastNameRequired(string field) => new(ErrorCodes.Required, "Le nom est obligatoire.", field);

    public static Error LastNameTooLong(string field) => new(ErrorCodes.TooLong, "Le nom : 100 caractères au plus.", field);

    public static Error FirstNameControlCharacters(string field) =>
        new(ErrorCodes.InvalidValue, "Le prénom ne peut contenir ni retour à la ligne ni caractère de contrôle.", field);

    public static Error LastNameControlCharacters(string field) =>
        new(ErrorCodes.InvalidValue, "Le nom ne peut contenir ni retour à la ligne ni caractère de contrôle.", field);

    public static Error FirstNameLooksLikeLink(string field) =>
        new(ErrorCodes.InvalidValue, "Le prénom ne peut pas contenir d'adresse web (« :// » ou « www. »).", field);

    public static Error LastNameLooksLikeLink(string field) =>
        new(ErrorCodes.InvalidValue, "Le nom ne peut pas contenir d'adresse web (« :// » ou « www. »).", field);

    public static Error SignInIncomplete { get; } =
        new(ErrorCodes.UserAuthenticationFailed, "Saisissez votre adresse électronique et votre mot de passe.");

    /// <param name="nextAttempt">When the brake lets the next attempt through (<see cref="Security.SecurityErrors.PersonNextAttempt"/>).</param>
    public static Error SignInFailed(string nextAttempt) =>
        new(ErrorCodes.UserAuthenticationFailed, "Adresse électronique ou mot de passe incorrect. " + nextAttempt);

    public static Error EmailNotConfirmed { get; } = new(ErrorCodes.EmailNotConfirmed,
        "Votre adresse électronique n'est pas encore validée : suivez le lien reçu par email, ou demandez un nouvel email.");

    public static Error CurrentPasswordRequired(string field) => new(ErrorCodes.Required, "Saisissez votre mot de passe actuel.", field);

    /// <param name="nextAttempt">When the brake lets the next attempt through (<see cref="Security.SecurityErrors.PersonNextAttempt"/>).</param>
    public static Error CurrentPasswordWrongTryLater(string nextAttempt, string field) =>
        new(ErrorCodes.UserAuthenticationFailed, "Le mot de passe actuel est incorrect. " + nextAttempt, field);

    /// <summary>A new password was being saved while the account changed (a link requested, another tab): nothing was saved.</summary>
    public static Error AccountChangedMeanwhile { get; } = new(ErrorCodes.ConcurrentModification,
        "Votre compte vient d'être modifié pendant l'enregistrement : votre mot de passe n'a pas été changé. Veuillez recommencer.");

    /// <summary>"Mon compte" was saved from a page read before another change (another tab, another session).</summary>
    public static Error DetailsChangedMeanwhile { get; } = new(ErrorCodes.ConcurrentModification,
        "Vos informations viennent d'être modifiées ailleurs (un autre onglet ou une autre session) : rien n'a été enregistré. "
        + "Voici vos informations à jour ; refaites vos changements si besoin.");

    public static Error PasswordUnchanged(string field) => new(ErrorCodes.InvalidValue, "Choisissez un mot de passe différent de l'actuel.", field);

    public static Error NotTheSignUpPassword(string field) => new(ErrorCodes.NotTheSignUpPassword,
        "Ce n'est pas le mot de passe choisi à la création du compte. Si vous ne le retrouvez pas, ou si quelqu'un d'autre a "
        + "créé ce compte avec votre adresse, utilisez « Récupérer mon mot de passe » : le lien reçu par email vous permettra "
        + "d'en choisir un nouveau et validera votre compte.", field);

    public static Error LinkInvalid { get; } = new(ErrorCodes.TokenInvalid, "Ce lien n'est pas valide.");

    public static Error LinkUsedOrReplaced { get; } =
        new(ErrorCodes.TokenUsed, "Ce lien a déjà été utilisé ou a été remplacé par un lien plus récent.");

    /// <summary>Two clicks at once: the other one used the link.</summary>
    public static Error LinkUsed { get; } = new(ErrorCodes.TokenUsed, "Ce lien a déjà été utilisé.");

    public static Error LinkExpired { get; } = new(ErrorCodes.TokenExpired, "Ce lien a expiré : demandez-en un nouveau.");

    /// <summary>An old validation link of an account that is validated already (by this link or a later one).</summary>
    public static Error EmailAlreadyConfirmed { get; } =
        new(ErrorCodes.EmailAlreadyConfirmed, "Votre compte est déjà validé : vous pouvez vous connecter.");
}
