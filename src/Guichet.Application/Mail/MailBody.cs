using System.Text;

namespace Guichet.Application.Mail;

/// <summary>A link of an email: its words in the HTML part; in the text part, the same words then the address on a line of its own.</summary>
public sealed record MailLink(string Label, string Url);

/// <summary>
/// The one builder of our emails' two parts, with the same words in both: a plain-text body (links as their address on
/// a line of their own, so any mail reader can follow them) and its HTML alternative (links as their words). Every value
/// is HTML-encoded in the HTML part, so a name or a company name cannot add markup. No template engine: paragraphs,
/// lists and links are all our emails need.
/// </summary>
public sealed class MailBody
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new();

    /// <summary>A paragraph of plain words.</summary>
    public MailBody Paragraph(string text) => Paragraph(text, null, string.Empty);

    /// <summary>
    /// A paragraph whose words <paramref name="before"/>, then the <paramref name="link"/>'s words, then <paramref name="after"/>
    /// read as one sentence; in the text part, the link's address follows on the next line.
    /// </summary>
    public MailBody Paragraph(string before, MailLink? link, string after)
    {
        Separate();
        _text.Append(before).Append(link?.Label).Append(after);
        _html.Append("<p>").Append(Encode(before));
        if (link is not null)
        {
            _text.Append('\n').Append(link.Url);
            _html.Append("<a href=\"").Append(Encode(link.Url)).Append("\">").Append(Encode(link.Label)).Append("</a>");
        }

        _html.Append(Encode(after)).Append("</p>\n");
        return this;
    }

    /// <summary>A list, one item a line ("- item" in the text part).</summary>
    public MailBody List(IEnumerable<string> items)
    {
        Separate();
        _html.Append("<ul>\n");
        var first = true;
        foreach (var item in items)
        {
            _text.Append(first ? string.Empty : "\n").Append("- ").Append(item);
            _html.Append("<li>").Append(Encode(item)).Append("</li>\n");
            first = false;
        }

        _html.Append("</ul>\n");
        return this;
    }

    /// <summary>The message: the text part and, as its alternative, the HTML part (a whole French document).</summary>
    public MailMessage ToMessage(string to, string subject)
    {
        var html = $"""
            <!DOCTYPE html>
            <html lang="fr">
            <head><meta charset="utf-8"><title>{Encode(subject)}</title></head>
            <body>
            {_html}</body>
            </html>
            """;
        return new MailMessage(to, subject, _text.ToString() + "\n", html);
    }

    /// <summary>Text as HTML content or a double-quoted attribute: the five characters that could end either are written as entities.</summary>
    public static string Encode(string value)
    {
        var encoded = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            encoded.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return encoded.ToString();
    }

    private void Separate()
    {
        if (_text.Length > 0)
        {
            _text.Append("\n\n");
        }
    }
}
