using Guichet.Application.Accounts;
using Guichet.Application.Accounts.Files;
using Guichet.Application.WhiteLabels;
using Guichet.Domain.Accounts;
using Guichet.Domain.Common;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.BackOffice.Pages.Dossiers;

/// <summary>
/// The registration files: a GET form of filters (French names in the address, kept in every link), a page of files by
/// the use case's opaque cursor, and a POST of a selection to validate or enrol at once, answered file by file.
/// </summary>
public sealed class IndexModel(SearchRegistrationFiles search, ListWhiteLabels whiteLabels, ChangeRegistrationFilesStatus changeFiles)
    : BackOfficePageModel
{
    public const string StatesField = "etat";
    public const string WhiteLabelField = "marque";
    public const string CategoryField = "categorie";
    public const string EnvironmentField = "environnement";
    public const string FromField = "du";
    public const string ToField = "au";
    public const string TextField = "recherche";
    public const string CursorField = "curseur";
    public const string SelectionField = "dossier";
    public const string OperationField = "operation";

    public const string Test = "test";
    public const string Real = "reel";

    [BindProperty(SupportsGet = true, Name = StatesField)]
    public List<string> States { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = WhiteLabelField)]
    public string? WhiteLabel { get; set; }

    [BindProperty(SupportsGet = true, Name = CategoryField)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true, Name = EnvironmentField)]
    public string? Environment { get; set; }

    [BindProperty(SupportsGet = true, Name = FromField)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = ToField)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = TextField)]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true, Name = CursorField)]
    public string? Cursor { get; set; }

    public IReadOnlyList<WhiteLabelChoice> WhiteLabels { get; private set; } = [];

    /// <summary>Null when the filters are wrong (their errors are in the ModelState).</summary>
    public RegistrationFilePage? Files { get; private set; }

    /// <summary>The selection's outcome, file by file, after a POST.</summary>
    public IReadOnlyList<FileStatusChangeResult>? Outcome { get; private set; }

    public AccountAction? OutcomeAction { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ShowAsync(cancellationToken);

    /// <summary>"Valider la sélection" / "Enrôler la sélection": each file checked and applied on its own.</summary>
    public async Task<IActionResult> OnPostSelectionAsync(
        [FromForm(Name = SelectionField)] List<string>? selected, [FromForm(Name = OperationField)] string? operation,
        CancellationToken cancellationToken)
    {
        var ids = (selected ?? []).Select(s => (Text: s, Id: Guid.TryParse(s, out var id) ? id : (Guid?)null)).ToList();
        var action = BackOfficeFormat.Code<AccountAction>(operation);
        var result = await changeFiles.HandleAsync(
            [.. ids.Where(i => i.Id is not null).Select(i => i.Id!.Value)], action, FilesActor, cancellationToken);
        if (!result.Succeeded)
        {
            ShowErrors(result.Errors, field => field == "fileIds" ? SelectionField : OperationField);
        }
        else
        {
            // A hand-made id is a file that does not exist, reported on its own line like any other.
            Outcome = [.. result.Value,
                .. ids.Where(i => i.Id is null).Select(i => new FileStatusChangeResult(Guid.Empty, null, null, AccountErrors.FileNotFound(i.Text)))];
            OutcomeAction = action;
        }

        await ShowAsync(cancellationToken);
        return Page();
    }

    /// <summary>The list's address with the current filters and the given cursor (none: the first page).</summary>
    public string ListAddress(string? cursor, string? handler = null)
    {
        var query = new QueryBuilder();
        if (handler is not null)
        {
            query.Add("handler", handler);
        }

        foreach (var state in States)
        {
            query.Add(StatesField, state);
        }

        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add(name, value);
            }
        }

        Add(WhiteLabelField, WhiteLabel);
        Add(CategoryField, Category);
        Add(EnvironmentField, Environment);
        Add(FromField, From);
        Add(ToField, To);
        Add(TextField, Text);
        Add(CursorField, cursor);
        return BackOfficePages.PathBase + "/dossiers" + query.ToQueryString();
    }

    private async Task ShowAsync(CancellationToken cancellationToken)
    {
        WhiteLabels = await whiteLabels.HandleAsync(cancellationToken);
        var filters = ReadFilters();
        if (!filters.Succeeded)
        {
            ShowErrors(filters.Errors);
            return;
        }

        var page = await search.HandleAsync(filters.Value, cancellationToken);
        if (!page.Succeeded)
        {
            ShowErrors(page.Errors, field => field switch
            {
                nameof(RegistrationFileSearch.CreatedTo) => ToField,
                nameof(RegistrationFileSearch.Text) => TextField,
                _ => string.Empty,
            });
            return;
        }

        Files = page.Value;
    }

    /// <summary>The address's filters read into the use case's search; every wrong value is reported under its filter.</summary>
    private Result<RegistrationFileSearch> ReadFilters()
    {
        var errors = new List<Error>();
        var states = new List<AccountState>();
        foreach (var value in States.Where(s => !string.IsNullOrWhiteSpace(s)))
        {
            if (BackOfficeFormat.Code<AccountState>(value) is { } state)
            {
                states.Add(state);
            }
            else
            {
                errors.Add(AccountErrors.UnknownFilterValue(StatesField, value));
            }
        }

        Guid? whiteLabelId = null;
        if (!string.IsNullOrWhiteSpace(WhiteLabel))
        {
            if (Guid.TryParse(WhiteLabel, out var id) && WhiteLabels.Any(w => w.Id == id))
            {
                whiteLabelId = id;
            }
            else
            {
                errors.Add(AccountErrors.UnknownFilterValue(WhiteLabelField, WhiteLabel));
            }
        }

        AccountCategory? category = null;
        if (!string.IsNullOrWhiteSpace(Category))
        {
            category = BackOfficeFormat.Code<AccountCategory>(Category);
            if (category is null)
            {
                errors.Add(AccountErrors.UnknownFilterValue(CategoryField, Category));
            }
        }

        bool? isTest = Environment switch
        {
            null or "" => null,
            Test => true,
            Real => false,
            _ => null,
        };
        if (!string.IsNullOrEmpty(Environment) && isTest is null)
        {
            errors.Add(AccountErrors.UnknownFilterValue(EnvironmentField, Environment));
        }

        var from = ReadDate(From, FromField);
        var to = ReadDate(To, ToField);
        return errors.Count > 0
            ? Result<RegistrationFileSearch>.Failure(ErrorCodes.ValidationFailed, errors)
            : new RegistrationFileSearch(states, whiteLabelId, category, isTest, from, to, Text, Cursor);

        DateOnly? ReadDate(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (BackOfficeFormat.Date(value) is { } date)
            {
                return date;
            }

            errors.Add(AccountErrors.InvalidFilterDate(field));
            return null;
        }
    }
}
