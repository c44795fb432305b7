namespace Guichet.Domain.People;

/// <summary>
/// The two spaces of the web portal, which share people and their logins. A person's emails about their account point
/// to the space they were in when they asked; the space they signed up in tells staff who is waiting for what.
/// </summary>
public enum PortalSpace
{
    /// <summary>"Web Services Entreprise", at the site's root: companies and their declarations.</summary>
    Entreprise,

    /// <summary>"Web Services Partenaire", under <c>/partenaire</c>: training bodies (organismes de formation).</summary>
    Partenaire,
}
