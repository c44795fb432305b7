using System.Text;
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
        return new(to,
            "Ouverture de votre accès au Web Services Partenaire",
            $"""
            Bonjour {firstName},

            {Capitalized(fundName)} vous ouvre l'accès au Web Services Partenaire pour {which} :

            {Lines(establishments)}
            Vous pouvez accéder au portail : connectez-vous à votre espace Web Services Partenaire avec votre identifiant
            (votre adresse électronique) :
            {signInLink}
            """);
    }

    public static MailMessage AccessRemoved(string to, string firstName, string ofFund, GrantedEstablishment establishment, string contactUrl) =>
        new(to,
            "Retrait de votre accès à un établissement (Web Services Partenaire)",
            $"""
            Bonjour {firstName},

            Vous n'avez plus accès à l'établissement suivant sur le Web Services Partenaire :

            {Lines([establishment])}
            Pour toute question, rapprochez-vous de votre correspondant {ofFund} : {contactUrl}
            """);

    /// <summary>"- SIRET 36252187900034 : Nom, 12 rue de la Paix, 75002 Paris", one a line.</summary>
    private static string Lines(IEnumerable<GrantedEstablishment> establishments)
    {
        var text = new StringBuilder();
        foreach (var e in establishments)
        {
            var address = Establishment.PostalAddress(e.Address, e.PostalCode, e.City);
            text.Append($"- SIRET {e.Siret} : {e.Name}{(address.Length > 0 ? ", " + address : string.Empty)}\n");
        }

        return text.ToString();
    }

    /// <summary>"l'Opcommerce" starts a sentence as "L'Opcommerce".</summary>
    private static string Capitalized(string name) =>
        name.Trim() is [var first, .. var rest] ? char.ToUpper(first, System.Globalization.CultureInfo.GetCultureInfo("fr-FR")) + rest : name;
}
