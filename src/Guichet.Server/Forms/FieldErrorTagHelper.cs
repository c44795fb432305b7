using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Guichet.Server.Forms;

/// <summary>
/// Every field of every form (<c>asp-for</c>), after the framework's own tag helper: a field in error is
/// <c>aria-invalid="true"</c> and described by its error message (<see cref="FieldErrorMessageTagHelper"/>), after
/// whatever already described it (a password policy); and the field is recorded for the error summary's links.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class FieldErrorTagHelper : TagHelper
{
    // After InputTagHelper, SelectTagHelper and TextAreaTagHelper (-1000), which write the name and the id.
    public override int Order => 100;

    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (output.Attributes.TryGetAttribute("type", out var type) && type.Value?.ToString() is "hidden")
        {
            return;
        }

        var fullName = FormFields.FullName(ViewContext, For);
        if (output.Attributes.TryGetAttribute("id", out var id) && id.Value?.ToString() is { Length: > 0 } fieldId)
        {
            FormFields.Of(ViewContext).Add(fullName, fieldId);
        }

        if (!FormFields.HasErrors(ViewContext, fullName))
        {
            return;
        }

        output.Attributes.SetAttribute("aria-invalid", "true");
        var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? existing.Value?.ToString() : null;
        var errorId = FormFields.ErrorMessageId(fullName);
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrWhiteSpace(describedBy) ? errorId : $"{describedBy} {errorId}");
    }
}
