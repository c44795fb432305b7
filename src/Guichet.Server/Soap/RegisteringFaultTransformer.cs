using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Xml;
using System.Xml.Serialization;
using Guichet.Domain.Common;
using Guichet.Server.Hosting;
using Guichet.Server.Soap.Contract;
using SoapCore;
using SoapCore.Extensibility;

namespace Guichet.Server.Soap;

/// <summary>
/// Our faults go out as they are; anything else is a body that does not bind to the contract, or a bug. Neither may
/// leak its message or stack: the first is Client.MALFORMED_REQUEST, the second Server.INTERNAL_ERROR with a
/// reference that is also in the log line (with the exception), so that support can find it.
/// </summary>
public sealed class RegisteringFaultTransformer(ILogger<RegisteringFaultTransformer> logger, IHttpContextAccessor http) : IFaultExceptionTransformer
{
    private readonly DefaultFaultExceptionTransformer<CustomMessage> _inner = new();

    public Message ProvideFault(
        Exception exception, MessageVersion messageVersion, Message requestMessage, ConcurrentXmlNamespaceLookup xmlNamespaceLookup)
    {
        if (exception is not FaultException<RegisteringFault>)
        {
            var reference = http.HttpContext?.TraceIdentifier ?? Guid.NewGuid().ToString("N");
            if (IsBindingError(exception))
            {
                // Anyone can send these, before authentication: no warning, no stack.
                logger.LogDebug(exception, "SOAP request {Reference} does not bind to the contract.", reference);
                exception = RegisteringFaults.Create(ErrorCodes.MalformedRequest,
                    "La requête ne respecte pas la WSDL (élément, type ou valeur d'énumération inattendus).");
            }
            else if (AbandonedRequest.Is(exception, http.HttpContext))
            {
                logger.LogDebug("SOAP request {Reference} was abandoned by the client.", reference);
                exception = RegisteringFaults.Create(ErrorCodes.InternalError, "Requête abandonnée par le client.");
            }
            else
            {
                logger.LogError(exception, "SOAP request {Reference} failed with an unexpected error.", reference);
                exception = RegisteringFaults.Create(ErrorCodes.InternalError,
                    $"Erreur interne (référence {reference}) : elle est journalisée, réessayez plus tard.");
            }
        }

        return _inner.ProvideFault(exception, messageVersion, requestMessage, xmlNamespaceLookup);
    }

    /// <summary>
    /// SoapCore 1.2.1.18 binds each operation parameter with <see cref="XmlSerializer.Deserialize(XmlReader)"/> before the
    /// operation runs; a body that does not fit makes it throw an <see cref="InvalidOperationException"/> of its own
    /// ("There is an error in XML document") wrapping the cause: an unknown enum value (InvalidOperationException), a
    /// bad number or boolean (FormatException, OverflowException), unexpected XML (XmlException). Nothing else is.
    /// </summary>
    public static bool IsBindingError(Exception exception) =>
        exception is InvalidOperationException { TargetSite: { Name: nameof(XmlSerializer.Deserialize) } site }
        && site.DeclaringType == typeof(XmlSerializer)
        && exception.InnerException is InvalidOperationException or FormatException or OverflowException or XmlException;
}
