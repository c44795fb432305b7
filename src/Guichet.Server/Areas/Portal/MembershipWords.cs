using Guichet.Domain.Companies;

namespace Guichet.Server.Areas.Portal;

/// <summary>
/// The Entreprise guide's word for each role, the same on "Mon compte" and "Gérer les utilisateurs": an administrator
/// and the company's other "utilisateurs" (seeds 001–002: "Aucun utilisateur (administrateur)…", "Gérer les utilisateurs").
/// </summary>
public static class MembershipWords
{
    public static string Role(MembershipRole role) => role == MembershipRole.Administrator ? "Administrateur" : "Utilisateur";
}
