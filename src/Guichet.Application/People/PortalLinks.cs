namespace Guichet.Application.People;

/// <summary>Where links in emails point: the portal's public base address.</summary>
public sealed record PortalLinks(string BaseUrl)
{
    public string ValidateEmail(string token) => $"{Base}/compte/valider?jeton={Uri.EscapeDataString(token)}";

    public string ResetPassword(string token) => $"{Base}/compte/nouveau-mot-de-passe?jeton={Uri.EscapeDataString(token)}";

    public string Login => $"{Base}/connexion";

    public string LostPassword => $"{Base}/mot-de-passe-oublie";

    public string ManageUsers(Guid companyId) => $"{Base}/entreprise/{companyId}/utilisateurs";

    public string Home => $"{Base}/";

    private string Base => BaseUrl.TrimEnd('/');
}
