using System.Globalization;
using Guichet.Application.Mail;
using Guichet.Domain.Common;

namespace Guichet.Application.People;

/// <summary>The French emails of people's accounts (sign-up, validation, lost password), in one place.</summary>
public static class PortalEmails
{
    public static MailMessage ValidateAccount(string to, string firstName, string link) => new(to,
        "Validez la création de votre compte",
        $"""
        Bonjour {firstName},

        Pour terminer la création de votre compte, cliquez sur le lien « Valider la création de mon compte » :
        {link}

        Ce lien est valable 24 heures et ne sert qu'une fois. Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.
        """);

    public static MailMessage AlreadyRegistered(string to, string loginLink, string resetLink) => new(to,
        "Tentative de création de compte avec votre adresse",
        $"""
        Bonjour,

        Quelqu'un a voulu créer un compte avec votre adresse électronique, qui a déjà un compte.
        Pour vous connecter : {loginLink}
        Mot de passe oublié : {resetLink}

        Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.
        """);

    public static MailMessage ResetPassword(string to, string firstName, string link) => new(to,
        "Réinitialisation de votre mot de passe",
        $"""
        Bonjour {firstName},

        Pour choisir un nouveau mot de passe, suivez ce lien (valable 1 heure, une seule fois) :
        {link}

        Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.
        """);

    /// <summary>
    /// After every new password (from "Mon compte", an expired password or a lost-password link): when, in Paris time, and
    /// what to do if it was not the person.
    /// </summary>
    public static MailMessage PasswordChanged(string to, DateTimeOffset at, string lostPasswordLink) => new(to,
        "Votre mot de passe a été modifié",
        $"""
        Madame, Monsieur,

        Le mot de passe de votre compte Web services a été modifié le {ParisTime(at)} (heure de Paris). Les autres sessions ouvertes sur votre compte ont été fermées.

        Si vous êtes à l'origine de ce changement, vous n'avez rien à faire.
        Sinon, choisissez sans attendre un nouveau mot de passe avec « Récupérer mon mot de passe » :
        {lostPasswordLink}
        """);

    private static string ParisTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, FrenchTime.Zone).ToString("dd/MM/yyyy 'à' HH:mm", CultureInfo.GetCultureInfo("fr-FR"));
}
