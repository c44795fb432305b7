using System.Security;
using System.Text;
using Guichet.Domain.Common;
using Guichet.Server.Soap.Contract;

namespace Guichet.Server.Soap;

/// <summary>Writes a SOAP 1.1 fault by hand, for requests refused before SoapCore runs.</summary>
public static class SoapFaults
{
    /// <param name="faultCode">A standard SOAP 1.1 code (VersionMismatch, MustUnderstand); otherwise <c>Client.CODE</c>.</param>
    /// <param name="errors">Field errors, in the detail's <c>Errors</c> as <see cref="RegisteringService"/> writes them.</param>
    public static async Task WriteAsync(HttpContext context, string code, string message, int statusCode, string? faultCode = null,
        IReadOnlyList<Error>? errors = null)
    {
        var fieldFaults = string.Concat((errors ?? []).Select(e =>
            $"<FieldFault><Field>{SecurityElement.Escape(e.Field)}</Field><Code>{e.Code}</Code>"
            + $"<Message>{SecurityElement.Escape(e.Message)}</Message></FieldFault>"));
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>
            """
            + $"""<faultcode>s:{faultCode ?? "Client." + code}</faultcode><faultstring>{SecurityElement.Escape(message)}</faultstring>"""
            + $"""<detail><RegisteringFault xmlns="{RegisteringNamespace.Value}"><Code>{code}</Code>"""
            + $"""<Message>{SecurityElement.Escape(message)}</Message><Errors>{fieldFaults}</Errors></RegisteringFault></detail>"""
            + "</s:Fault></s:Body></s:Envelope>";
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/xml; charset=utf-8";
        await context.Response.WriteAsync(xml, Encoding.UTF8);
    }
}
