using System.Text;
using System.Xml;

namespace Guichet.Server.Soap;

/// <summary>
/// Writes a SOAP 1.1 envelope around a body, as SoapCore 1.2.1.18 wrote its answers and faults (the clients of the
/// contract suites read exactly this): no XML declaration, <c>xsd</c> and <c>xsi</c> declared on the envelope.
/// </summary>
public static class SoapResponse
{
    public const string Soap11Namespace = "http://schemas.xmlsoap.org/soap/envelope/";

    private static readonly XmlWriterSettings s_settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        OmitXmlDeclaration = true,
    };

    public static async Task WriteAsync(HttpContext context, int statusCode, Action<XmlWriter> writeBody)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, s_settings))
        {
            writer.WriteStartElement("s", "Envelope", Soap11Namespace);
            writer.WriteAttributeString("xmlns", "s", null, Soap11Namespace);
            writer.WriteAttributeString("xmlns", "xsd", null, "http://www.w3.org/2001/XMLSchema");
            writer.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
            writer.WriteStartElement("s", "Body", Soap11Namespace);
            writeBody(writer);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/xml; charset=utf-8";
        context.Response.ContentLength = buffer.Length;
        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
    }
}
