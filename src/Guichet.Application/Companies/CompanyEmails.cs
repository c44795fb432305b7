using Guichet.Application.Mail;
using Guichet.Domain.Companies;

namespace Guichet.Application.Companies;

/// <summary>
/// The French emails of access requests and of the administrators' decisions, in one place. No text a person typed goes
/// to an address they do not own: an email about someone else (a request, to the company's administrators) names them by
/// their validated email address only, never by the name they gave; only an email to a person themselves (a decision on
/// their own request or access) greets them by the first name they gave.
/// </summary>
public static class CompanyEmails
{
    /// <param name="requesterEmail">The requester's address, validated before they could sign in and ask.</param>
    public static MailMessage AccessRequested(string to, string requesterEmail, string company, string link, bool reminder) =>
        new MailBody()
            .Paragraph("Bonjour,")
            .Paragraph($"{requesterEmail} demande l'accès à l'entreprise {company}.")
            .Paragraph("Pour accepter ou refuser cette demande, ouvrez ", new MailLink("Gérer les utilisateurs", link), ".")
            .ToMessage(to, (reminder ? "Relance : " : string.Empty) + $"Demande d'accès à {company}");

    public static MailMessage AccessApproved(Membership membership, string loginLink) =>
        AccessDecided(membership, $"Votre demande d'accès à {membership.Company!.Name} a été acceptée.", loginLink);

    public static MailMessage AccessRefused(Membership membership, string loginLink) =>
        AccessDecided(membership, $"Votre demande d'accès à {membership.Company!.Name} a été refusée.", loginLink);

    public static MailMessage AccessRevoked(Membership membership, string loginLink) =>
        AccessDecided(membership, $"Votre accès à {membership.Company!.Name} a été retiré.", loginLink);

    public static MailMessage MadeAdministrator(Membership membership, string loginLink) =>
        AccessDecided(membership, $"Vous êtes désormais administrateur de {membership.Company!.Name}.", loginLink);

    /// <summary>To the person concerned: <paramref name="membership"/> is loaded with its person and company.</summary>
    private static MailMessage AccessDecided(Membership membership, string decision, string link) => new MailBody()
        .Paragraph($"Bonjour {membership.Person!.FirstName},")
        .Paragraph(decision)
        .Paragraph("Pour accéder à votre espace Web services Entreprises : ", new MailLink("Se connecter", link), ".")
        .ToMessage(membership.Person.Email, $"Votre accès à {membership.Company!.Name}");
}
