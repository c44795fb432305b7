using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Guichet.Server.Forms;

/// <summary>
/// The fields a page rendered, in order (field name → the input's id), so that the error summary, which the layout
/// writes after the page's body, links each error to its field; and the id of a field's error message, the same for the
/// input that points at it and the message that carries it.
/// </summary>
public sealed class FormFields
{
    private static readonly object Key = new();

    private readonly List<(string Name, string Id)> _fields = [];

    public IReadOnlyList<(string Name, string Id)> Rendered => _fields;

    public static FormFields Of(ViewContext viewContext)
    {
        var items = viewContext.HttpContext.Items;
        if (items[Key] is not FormFields fields)
        {
            fields = new FormFields();
            items[Key] = fields;
        }

        return fields;
    }

    public void Add(string name, string id)
    {
        if (!_fields.Exists(f => f.Name == name))
        {
            _fields.Add((name, id));
        }
    }

    /// <summary>The full name of a field in the form (with the view's prefix, if any), the key of its ModelState entry.</summary>
    public static string FullName(ViewContext viewContext, ModelExpression field) =>
        viewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(field.Name);

    public static string ErrorMessageId(string fullName) => TagBuilder.CreateSanitizedId(fullName, "_") + "-erreur";

    public static bool HasErrors(ViewContext viewContext, string fullName) =>
        viewContext.ViewData.ModelState.TryGetValue(fullName, out var entry) && entry.Errors.Count > 0;
}
