using System.Security;
using System.Text;

namespace Guichet.Server.Soap;

/// <summary>Writes a SOAP 1.1 fault by hand, for requests refused before SoapCore runs.</summary>
public static class SoapFaults
{
    /// <param name="faultCode">A standard SOAP 1.1 code (VersionMismatch, MustUnderstand); otherwise <c>Client.CODE</c>.</param>
    public static async Task WriteAsync(HttpContext context, string code, string message, int statusCode, string? faultCode = null)
    {
        var xml = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:{faultCode ?? "Client." + code}</faultcode><faultstring>{SecurityElement.Escape(message)}</faultstring><detail><RegisteringFault xmlns="{RegisteringNamespace.Value}"><Code>{code}</Code><Message>{SecurityElement.Escape(message)}</Message><Errors /></RegisteringFault></detail></s:Fault></s:Body></s:Envelope>
            """;
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/xml; charset=utf-8";
        await context.Response.WriteAsync(xml, Encoding.UTF8);
    }
}
