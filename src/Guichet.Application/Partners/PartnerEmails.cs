using Guichet.Application.Mail;
using Guichet.Domain.Partners;

namespace Guichet.Application.Partners;

/// <summary>The French emails of the accesses staff open and remove, in the words of the Web Services Partenaire guide.</summary>
public static class PartnerEmails
{
    /// <summary>"Vous recevez un mail de confirmation d'ouverture d'accès": the establishments granted, and where to sign in.</summary>
    public static MailMessage AccessOpened(string to, string firstName, string fundName, IReadOnlyList<GrantedEstablishment> establishments,
        string signInLink)
    {
        var which = establishments.Count > 1 ? "les établissements suivants" : "l'établissement suivant";
        return new MailBody()
            .Paragraph($"Bonjour {firstName},")
            .Paragraph($"{Capitalized(fundName)} vous ouvre l'accès au Web Services Partenaire pour {which} :")
            .List(Lines(establishments))
            .Paragraph("Vous pouvez accéder au portail : connectez-vous à votre espace Web services avec votre identifiant (votre email) : ",
                new MailLink("Se connecter", signInLink), ".")
            .ToMessage(to, "Ouverture de votre accès au Web Services Partenaire");
    }

    public static MailMessage AccessRemoved(string to, string firstName, string ofFund, GrantedEstablishment establishment, string contactUrl) =>
        new MailBody()
            .Paragraph($"Bonjour {firstName},")
            .Paragraph("Vous n'avez plus accès à l'établissement suivant sur le Web Services Partenaire :")
            .List(Lines([establishment]))
            .Paragraph($"Pour toute question, rapprochez-vous de votre correspondant {ofFund} : ", new MailLink("Nous contacter", contactUrl), ".")
            .ToMessage(to, "Retrait de votre accès à un établissement (Web Services Partenaire)");

    /// <summary>"SIRET 362 521 879 00034 : Nom, 12 rue de la Paix, 75002 Paris", one an item.</summary>
    private static IEnumerable<string> Lines(IEnumerable<GrantedEstablishment> establishments) =>
        establishments.Select(e =>
        {
            var address = Establishment.PostalAddress(e.Address, e.PostalCode, e.City);
            return $"SIRET {e.Siret} : {e.Name}{(address.Length > 0 ? ", " + address : string.Empty)}";
        });

    /// <summary>"l'Opcommerce" starts a sentence as "L'Opcommerce".</summary>
    private static string Capitalized(string name) =>
        name.Trim() is [var first, .. var rest] ? char.ToUpper(first, System.Globalization.CultureInfo.GetCultureInfo("fr-FR")) + rest : name;
}
