using Guichet.Application.People;
using Guichet.Domain.People;
using Microsoft.Extensions.Options;

namespace Guichet.Server.People;

/// <summary>
/// A space where people sign up, validate their email, sign in and recover their password: the Entreprise space at the
/// site's root, the Partenaire space under <c>/partenaire</c>. Both run the same use cases and the same pages (the base
/// page models and partial views of this folder); the descriptor says what differs: the area, the cookie scheme, the
/// page names, the header, the guide's words, and the base of the links its pages send by email.
/// </summary>
public sealed class PersonSpace
{
    public required PortalSpace Space { get; init; }

    public required string Area { get; init; }

    /// <summary>The cookie scheme of the space's sessions; no other space's policies read it.</summary>
    public required string Scheme { get; init; }

    /// <summary>Where the space's addresses start: empty for the site's root, else e.g. <c>/partenaire</c>.</summary>
    public required string PathBase { get; init; }

    /// <summary>The header's name of the space, e.g. "Web Services Partenaire".</summary>
    public required string Header { get; init; }

    public required PersonPageNames Pages { get; init; }

    public required PersonSpaceWords Words { get; init; }

    /// <summary>Links in emails, from the public base address of the site (without the space's path).</summary>
    public PortalLinks LinksFrom(string publicBaseUrl) => new(publicBaseUrl.TrimEnd('/') + PathBase);

    /// <summary>
    /// Links in emails sent from this space's pages: the configured public address (<c>Portal:PublicBaseUrl</c>) or the
    /// request's own, then the space's path, so that a person who asked from a space comes back to it.
    /// </summary>
    public PortalLinks LinksFor(HttpContext http)
    {
        var configured = http.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value.PublicBaseUrl;
        var request = http.Request;
        return LinksFrom(string.IsNullOrWhiteSpace(configured) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : configured);
    }

    /// <summary>
    /// Whether a sign-in may send the person to <paramref name="returnUrl"/>: a local address (never another site), and,
    /// for a space with a path, one under it once its dot segments are read as a browser reads them (also encoded).
    /// </summary>
    public bool AcceptsReturnUrl(string? returnUrl, Func<string, bool> isLocalUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || !isLocalUrl(returnUrl))
        {
            return false;
        }

        if (PathBase.Length == 0)
        {
            return true;
        }

        var path = Uri.UnescapeDataString(returnUrl.Split('?', '#')[0]);
        var segments = path.Split('/', '\\');
        return !segments.Any(s => s is "." or "..") && new PathString(path).StartsWithSegments(PathBase);
    }
}

/// <summary>The names (<c>RedirectToPage</c>, <c>asp-page</c>) of the pages every space of people has.</summary>
public sealed record PersonPageNames(
    string Home,
    string SignIn,
    string SignOut,
    string SignUp,
    string ValidationEmailSent,
    string ValidateEmail,
    string ForgottenPassword,
    string NewPassword,
    string ExpiredPassword,
    string Account,
    string ChangePassword);

/// <summary>
/// The guide's words on the shared pages (seeds 000–003): the labels, buttons and sentences of each screen, and what
/// differs between the spaces (the contributions box, the space's name in sentences).
/// </summary>
public sealed record PersonSpaceWords
{
    public required string EmailLabel { get; init; }

    public required string EmailConfirmationLabel { get; init; }

    public required string PasswordConfirmationLabel { get; init; }

    /// <summary>The sign-up form asks "Je suis expert comptable et/ou je souhaite uniquement déclarer mes contributions formation".</summary>
    public required bool AsksContributionsOnly { get; init; }

    public required string SignUpButton { get; init; }

    public required string EmailSentTitle { get; init; }

    /// <summary>Followed by the address, then a full stop.</summary>
    public required string EmailSentBefore { get; init; }

    /// <summary>After the validation link's button: "Félicitations, votre compte a bien été validé."</summary>
    public required string Validated { get; init; }

    /// <summary>
    /// The space as its guide names it in sentences ("votre espace Web services Entreprises", "votre compte Web services"):
    /// the Entreprise guide says "Web services Entreprises" where the Partenaire guide says "Web services".
    /// </summary>
    public required string Services { get; init; }
}
