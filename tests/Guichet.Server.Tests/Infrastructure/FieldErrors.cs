using Guichet.Server.Forms;

namespace Guichet.Server.Tests.Infrastructure;

/// <summary>How a page writes a field's error message (<c>asp-validation-for</c>), up to the message itself.</summary>
public static class FieldErrors
{
    public static string Under(string field) =>
        $"data-valmsg-for=\"{field}\" data-valmsg-replace=\"true\" id=\"{FormFields.ErrorMessageId(field)}\">";
}
