using System.Text;
using System.Xml.Linq;

namespace Guichet.Server.Soap;

/// <summary>
/// SoapCore 1.2.1.18 declares a fault's global element once for every operation that lists the fault: six identical
/// <c>xsd:element name="RegisteringFault"</c>, which is not valid XML Schema and which PHP's SoapClient refuses
/// ("element … already defined"). The served WSDL keeps the first of identical global declarations; two different
/// declarations of one name would be a contract bug, and fail loudly here rather than reach an integrator.
/// </summary>
public static class WsdlDeclarations
{
    private static readonly XNamespace s_xsd = "http://www.w3.org/2001/XMLSchema";

    /// <summary>Runs SoapCore's WSDL generation and writes its output with each global declaration once.</summary>
    public static async Task ServeAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var body = buffer.ToArray();
        if (context.Response.StatusCode == StatusCodes.Status200OK && body.Length > 0)
        {
            body = Encoding.UTF8.GetBytes(Deduplicate(Encoding.UTF8.GetString(body)));
        }

        context.Response.ContentLength = body.Length;
        await original.WriteAsync(body, context.RequestAborted);
    }

    public static string Deduplicate(string wsdl)
    {
        var document = XDocument.Parse(wsdl, LoadOptions.PreserveWhitespace);
        foreach (var schema in document.Descendants(s_xsd + "schema"))
        {
            var seen = new Dictionary<(XName Kind, string? Name), XElement>();
            foreach (var declaration in schema.Elements().ToList())
            {
                (XName Kind, string? Name) key = (declaration.Name, (string?)declaration.Attribute("name"));
                if (key.Name is null || !seen.TryGetValue(key, out var first))
                {
                    seen[key] = declaration;
                }
                else if (XNode.DeepEquals(first, declaration))
                {
                    declaration.Remove();
                }
                else
                {
                    throw new InvalidOperationException($"The WSDL declares {key.Kind.LocalName} '{key.Name}' twice, differently.");
                }
            }
        }

        return document.Declaration + document.ToString(SaveOptions.DisableFormatting);
    }
}
