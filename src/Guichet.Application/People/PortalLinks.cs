namespace Guichet.Application.People;

/// <summary>
/// Where links in emails point: the public base address of the space the person was in (the site's root for the
/// Entreprise space, <c>…/partenaire</c> for the Partenaire space), whose pages have the same names under it.
/// </summary>
public sealed record PortalLinks(string BaseUrl)
{
    public string ValidateEmail(string token) => $"{Base}/compte/valider?jeton={Uri.EscapeDataString(token)}";

    public string ResetPassword(string token) => $"{Base}/compte/nouveau-mot-de-passe?jeton={Uri.EscapeDataString(token)}";

    public string Login => $"{Base}/connexion";

    public string LostPassword => $"{Base}/mot-de-passe-oublie";

    public string ManageUsers(Guid companyId) => $"{Base}/entreprise/{companyId}/utilisateurs";

    /// <summary>The space's home: "https://…/" at the site's root, "https://…/partenaire" for a space with a path.</summary>
    public string Home => Uri.TryCreate(Base, UriKind.Absolute, out var uri) && uri.AbsolutePath != "/" ? Base : $"{Base}/";

    private string Base => BaseUrl.TrimEnd('/');
}
