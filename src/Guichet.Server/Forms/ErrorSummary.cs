using Microsoft.AspNetCore.Mvc.Rendering;

namespace Guichet.Server.Forms;

/// <summary>
/// What the summary at the top of a page in error lists (partial <c>_ErrorSummary</c>, called by the layouts): every
/// error of the page, those without a field first, then the fields' in the order the page shows them, each with the id
/// of its field when the page rendered one.
/// </summary>
public sealed record ErrorSummary(IReadOnlyList<ErrorSummary.Item> Items)
{
    /// <summary>The page <c>&lt;title&gt;</c>'s prefix when the page shows errors.</summary>
    public const string TitlePrefix = "Erreur – ";

    public sealed record Item(string Message, string? FieldId);

    public static ErrorSummary Of(ViewContext viewContext)
    {
        var modelState = viewContext.ViewData.ModelState;
        if (modelState.ErrorCount == 0)
        {
            return new ErrorSummary([]);
        }

        var fields = FormFields.Of(viewContext).Rendered;
        int Position(string key)
        {
            var index = fields.ToList().FindIndex(f => f.Name == key);
            return index < 0 ? int.MaxValue : index;
        }


        var items = modelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .OrderBy(entry => entry.Key.Length == 0 ? -1 : Position(entry.Key))
            .SelectMany(entry => entry.Value!.Errors.Select(error => new Item(
                error.ErrorMessage, fields.Where(f => f.Name == entry.Key).Select(f => f.Id).FirstOrDefault())))
            .ToList();
        return new ErrorSummary(items);
    }

    public static bool HasErrors(ViewContext viewContext) => viewContext.ViewData.ModelState.ErrorCount > 0;
}
