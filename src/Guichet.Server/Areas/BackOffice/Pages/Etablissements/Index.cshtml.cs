using Guichet.Application.Partners;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.BackOffice.Pages.Etablissements;

/// <summary>
/// The establishments of the Partenaire space: a GET search (SIRET, SIREN for a whole training body, or the start of a
/// name), in name order, a page at a time by the next page's cursor (the last SIRET shown).
/// </summary>
public sealed class IndexModel(SearchEstablishments search) : BackOfficePageModel
{
    public const string TextField = "recherche";
    public const string CursorField = "apres";

    [BindProperty(SupportsGet = true, Name = TextField)]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true, Name = CursorField)]
    public string? Cursor { get; set; }

    /// <summary>Null when the search is wrong (its error is in the ModelState).</summary>
    public EstablishmentPage? Establishments { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var found = await search.HandleAsync(new EstablishmentSearch(Text, Cursor), TextField, cancellationToken);
        if (found.Succeeded)
        {
            Establishments = found.Value;
        }
        else
        {
            ShowErrors(found.Errors);
        }
    }

    /// <summary>The list's address with the current search and the given cursor (none: the first page).</summary>
    public string ListAddress(string? cursor) => Address(Text, cursor);

    /// <summary>The list's address for a search (an establishment's page links to its training body's establishments).</summary>
    public static string Address(string? text, string? cursor = null)
    {
        var query = new QueryBuilder();
        if (!string.IsNullOrWhiteSpace(text))
        {
            query.Add(TextField, text);
        }

        if (cursor is not null)
        {
            query.Add(CursorField, cursor);
        }

        return BackOfficePages.PathBase + "/etablissements" + query.ToQueryString();
    }
}
