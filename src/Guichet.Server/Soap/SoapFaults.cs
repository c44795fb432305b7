using System.ServiceModel;
using System.Xml;
using Guichet.Domain.Common;
using Guichet.Server.Soap.Contract;

namespace Guichet.Server.Soap;

/// <summary>Writes every fault of the endpoint: <c>faultcode</c>, the French <c>faultstring</c> and the contract's detail.</summary>
public static class SoapFaults
{
    private const string XmlSchemaInstanceNamespace = "http://www.w3.org/2001/XMLSchema-instance";

    /// <param name="faultCode">A standard SOAP 1.1 code (VersionMismatch, MustUnderstand); otherwise <c>Client.CODE</c>.</param>
    /// <param name="errors">Field errors, in the detail's <c>Errors</c>.</param>
    public static Task WriteAsync(HttpContext context, string code, string message, int statusCode, string? faultCode = null,
        IReadOnlyList<Error>? errors = null) =>
        WriteAsync(context, RegisteringFaults.Create(code, message, errors), statusCode, faultCode);

    public static Task WriteAsync(
        HttpContext context,
        FaultException<RegisteringFault> fault,
        int statusCode = StatusCodes.Status500InternalServerError,
        string? faultCode = null) =>
        SoapResponse.WriteAsync(context, statusCode, writer =>
        {
            writer.WriteStartElement("s", "Fault", SoapResponse.Soap11Namespace);
            writer.WriteElementString("faultcode", "s:" + (faultCode ?? fault.Code.Name));
            writer.WriteElementString("faultstring", fault.Reason.ToString());
            writer.WriteStartElement("detail");
            WriteDetail(writer, fault.Detail);
            writer.WriteEndElement();
            writer.WriteEndElement();
        });

    private static void WriteDetail(XmlWriter writer, RegisteringFault detail)
    {
        writer.WriteStartElement(nameof(RegisteringFault), RegisteringNamespace.Value);
        writer.WriteAttributeString("xmlns", RegisteringNamespace.Value);
        writer.WriteAttributeString("xmlns", "i", null, XmlSchemaInstanceNamespace);
        writer.WriteElementString(nameof(RegisteringFault.Code), RegisteringNamespace.Value, detail.Code);
        writer.WriteElementString(nameof(RegisteringFault.Message), RegisteringNamespace.Value, detail.Message);
        writer.WriteStartElement(nameof(RegisteringFault.Errors), RegisteringNamespace.Value);
        foreach (var error in detail.Errors)
        {
            writer.WriteStartElement(nameof(FieldFault), RegisteringNamespace.Value);
            writer.WriteElementString(nameof(FieldFault.Field), RegisteringNamespace.Value, error.Field);
            writer.WriteElementString(nameof(FieldFault.Code), RegisteringNamespace.Value, error.Code);
            writer.WriteElementString(nameof(FieldFault.Message), RegisteringNamespace.Value, error.Message);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }
}
