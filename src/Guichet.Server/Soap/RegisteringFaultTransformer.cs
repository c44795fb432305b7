using System.ServiceModel;
using System.ServiceModel.Channels;
using Guichet.Domain.Common;
using Guichet.Server.Soap.Contract;
using SoapCore;
using SoapCore.Extensibility;

namespace Guichet.Server.Soap;

/// <summary>
/// Our faults go out as they are; anything else is a bug or a body SoapCore could not bind. Neither may leak its
/// message or stack: a binding error becomes MALFORMED_REQUEST, a bug INTERNAL_ERROR, and both are logged.
/// </summary>
public sealed class RegisteringFaultTransformer(ILogger<RegisteringFaultTransformer> logger) : IFaultExceptionTransformer
{
    private readonly DefaultFaultExceptionTransformer<CustomMessage> _inner = new();

    public Message ProvideFault(Exception exception, MessageVersion messageVersion, Message requestMessage, ConcurrentXmlNamespaceLookup xmlNamespaceLookup)
    {
        if (exception is not FaultException<RegisteringFault>)
        {
            var binding = exception is InvalidOperationException or System.Xml.XmlException or FormatException || exception.InnerException is InvalidOperationException or System.Xml.XmlException or FormatException;
            logger.LogWarning(exception, "SOAP request failed outside our faults.");
            exception = binding
                ? RegisteringFault.Exception(ErrorCodes.MalformedRequest, "La requête ne respecte pas la WSDL (élément, type ou valeur d'énumération inattendus).")
                : RegisteringFault.Exception(ErrorCodes.InternalError, "Erreur interne : elle est journalisée, réessayez plus tard.");
        }

        return _inner.ProvideFault(exception, messageVersion, requestMessage, xmlNamespaceLookup);
    }
}
