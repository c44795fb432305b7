using Guichet.Application.Mail;
using Guichet.Domain.Common;

namespace Guichet.Application.People;

/// <summary>
/// The French emails of people's accounts (sign-up, validation, lost password), in one place, in the guides' words. They
/// go to addresses whose owner may not have validated them yet: they greet "Madame, Monsieur," and carry no text a
/// stranger could have typed (a first name); link lifetimes come from the options.
/// </summary>
public static class PortalEmails
{
    public const string Greeting = "Madame, Monsieur,";

    /// <summary>"Validation de création de compte" (seeds 001, 003): the link reads "Valider la création de mon compte".</summary>
    public static MailMessage ValidateAccount(string to, string link, TimeSpan lifetime) => new MailBody()
        .Paragraph(Greeting)
        .Paragraph("Merci de cliquer sur ce lien pour valider la création de votre compte Web services : ",
            new MailLink("Valider la création de mon compte", link), ".")
        .Paragraph($"Ce lien est valable {FrenchFormat.Lifetime(lifetime)} et ne sert qu'une fois. "
            + "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.")
        .ToMessage(to, "Validation de création de compte");

    public static MailMessage AlreadyRegistered(string to, string loginLink, string resetLink) => new MailBody()
        .Paragraph(Greeting)
        .Paragraph("Quelqu'un a voulu créer un compte Web services avec votre email, qui a déjà un compte.")
        .Paragraph("Pour vous connecter : ", new MailLink("Se connecter", loginLink), ".")
        .Paragraph("Mot de passe perdu ? ", new MailLink("Récupérer mon mot de passe", resetLink), ".")
        .Paragraph("Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.")
        .ToMessage(to, "Tentative de création de compte avec votre adresse");

    public static MailMessage ResetPassword(string to, string link, TimeSpan lifetime) => new MailBody()
        .Paragraph(Greeting)
        .Paragraph($"Pour choisir un nouveau mot de passe, cliquez sur ce lien (valable {FrenchFormat.Lifetime(lifetime)}, une seule fois) : ",
            new MailLink("Choisir un nouveau mot de passe", link), ".")
        .Paragraph("Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.")
        .ToMessage(to, "Réinitialisation de votre mot de passe");

    /// <summary>
    /// After every new password (from "Mon compte", an expired password or a lost-password link): when, in Paris time, and
    /// what to do if it was not the person.
    /// </summary>
    public static MailMessage PasswordChanged(string to, DateTimeOffset at, string lostPasswordLink) => new MailBody()
        .Paragraph(Greeting)
        .Paragraph($"Le mot de passe de votre compte Web services a été modifié le {FrenchFormat.ParisTime(at)} (heure de Paris). "
            + "Les autres sessions ouvertes sur votre compte ont été fermées.")
        .Paragraph("Si vous êtes à l'origine de ce changement, vous n'avez rien à faire.")
        .Paragraph("Sinon, choisissez sans attendre un nouveau mot de passe : ", new MailLink("Récupérer mon mot de passe", lostPasswordLink), ".")
        .ToMessage(to, "Votre mot de passe a été modifié");
}
