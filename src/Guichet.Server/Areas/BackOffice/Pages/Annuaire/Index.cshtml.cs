using Guichet.Application.Companies;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.BackOffice.Pages.Annuaire;

/// <summary>
/// The member directory: a GET search (SIREN, member code, or the start of a name), in name order, a page at a time by
/// the next page's cursor (the last SIREN shown); each company with its administrators, members and pending requests.
/// </summary>
public sealed class IndexModel(SearchCompanies search) : BackOfficePageModel
{
    public const string TextField = "recherche";
    public const string CursorField = "apres";

    [BindProperty(SupportsGet = true, Name = TextField)]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true, Name = CursorField)]
    public string? Cursor { get; set; }

    /// <summary>Null when the search is wrong (its error is in the ModelState).</summary>
    public DirectoryCompanyPage? Companies { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var found = await search.HandleAsync(new CompanySearch(Text, Cursor), TextField, cancellationToken);
        if (found.Succeeded)
        {
            Companies = found.Value;
        }
        else
        {
            ShowErrors(found.Errors);
        }
    }

    public string? TextError => ModelState.TryGetValue(TextField, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>The list's address with the current search and the given cursor (none: the first page).</summary>
    public string ListAddress(string? cursor)
    {
        var query = new QueryBuilder();
        if (!string.IsNullOrWhiteSpace(Text))
        {
            query.Add(TextField, Text);
        }

        if (cursor is not null)
        {
            query.Add(CursorField, cursor);
        }

        return BackOfficePages.PathBase + "/annuaire" + query.ToQueryString();
    }
}
