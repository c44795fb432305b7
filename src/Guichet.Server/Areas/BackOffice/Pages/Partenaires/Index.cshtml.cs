using Guichet.Application.Partners;
using Guichet.Domain.People;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.BackOffice.Pages.Partenaires;

/// <summary>
/// "Accès partenaires": a GET search of people by the start of their email address or a part of their name; without a
/// search, the queue of Partenaire sign-ups waiting for their access, oldest first (those staff should answer first).
/// </summary>
public sealed class IndexModel(FindPartnerPeople find) : BackOfficePageModel
{
    public const string Path = BackOfficePages.PathBase + "/partenaires";
    public const string TextField = "recherche";
    public const int MaxTextLength = FindPartnerPeople.MaxTextLength;

    [BindProperty(SupportsGet = true, Name = TextField)]
    public string? Text { get; set; }

    /// <summary>Null when the search is wrong (its error is in the ModelState).</summary>
    public PartnerPeople? People { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var found = await find.HandleAsync(Text, TextField, cancellationToken);
        if (found.Succeeded)
        {
            People = found.Value;
        }
        else
        {
            ShowErrors(found.Errors);
        }
    }

    public static string SpaceName(PortalSpace space) => space == PortalSpace.Partenaire ? "Partenaire" : "Entreprise";
}
