using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Guichet.Server.Forms;

/// <summary>
/// In the spaces of people every text field of a form is required (a checkbox is a choice): the field says so to
/// assistive technologies (<c>aria-required</c>; not <c>required</c>, so that the server's French messages, not the
/// browser's, explain what is missing), its label shows an asterisk (site.css), and <see cref="RequiredFieldsNoteTagHelper"/>
/// explains the asterisk once at the top of the form. Registered in the people's areas only: the back office has
/// optional fields (filters, searches).
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
public sealed class RequiredFieldTagHelper : TagHelper
{
    private static readonly HashSet<string> TextTypes = ["text", "email", "password", "tel", "number", "search", "url", "date"];

    public override int Order => 100;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var type = output.Attributes.TryGetAttribute("type", out var attribute) ? attribute.Value?.ToString() ?? "text" : "text";
        if (!TextTypes.Contains(type))
        {
            return;
        }

        output.Attributes.SetAttribute("aria-required", "true");
        if (context.Items.TryGetValue(typeof(RequiredFieldsNoteTagHelper), out var note) && note is RequiredFieldsNoteTagHelper.Count count)
        {
            count.Fields++;
        }
    }
}

/// <summary>"Les champs marqués d'un astérisque (*) sont obligatoires.", once at the top of a form that has such a field.</summary>
[HtmlTargetElement("form")]
public sealed class RequiredFieldsNoteTagHelper : TagHelper
{
    public const string Text = "Les champs marqués d'un astérisque (*) sont obligatoires.";

    // Given to the fields in Init, before any tag helper of the form renders them.
    public override void Init(TagHelperContext context) => context.Items[typeof(RequiredFieldsNoteTagHelper)] = new Count();

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var count = (Count)context.Items[typeof(RequiredFieldsNoteTagHelper)];
        var content = await output.GetChildContentAsync();
        if (count.Fields > 0)
        {
            output.Content.SetHtmlContent(content);
            output.PreContent.AppendHtml("<p class=\"aide obligatoire\">");
            output.PreContent.Append(Text);
            output.PreContent.AppendHtml("</p>");
        }
    }

    public sealed class Count
    {
        public int Fields { get; set; }
    }
}
