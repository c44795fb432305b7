using Guichet.Application.Mail;

namespace Guichet.Application.People;

/// <summary>The French emails of the portal, in one place.</summary>
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

    public static MailMessage AccessRequested(string to, string requester, string requesterEmail, string company, string link, bool reminder) => new(to,
        (reminder ? "Relance : " : string.Empty) + $"Demande d'accès à {company}",
        $"""
        Bonjour,

        {requester} ({requesterEmail}) demande l'accès à l'entreprise {company}.
        Pour accepter ou refuser cette demande, ouvrez « Gérer les utilisateurs » :
        {link}
        """);

    public static MailMessage AccessDecided(string to, string firstName, string company, string decision, string link) => new(to,
        $"Votre accès à {company}",
        $"""
        Bonjour {firstName},

        {decision}
        {link}
        """);
}
