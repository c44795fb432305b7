using System.Xml;
using System.Xml.Linq;
using Guichet.Application.Security;
using Guichet.Domain.Common;
using Guichet.Server.Soap.Contract;

namespace Guichet.Server.Soap;

/// <summary>
/// Reads a SOAP request once, so that whatever is wrong with it becomes a SOAP fault and nothing else: wrong method or
/// content type, a body over 1 MiB, a DTD or entity (refused, never resolved), a malformed envelope, an unknown
/// operation, a mustUnderstand header we do not understand, a body that does not bind to the contract. It lifts the
/// credentials from the headers and binds the operation's arguments, then hands the call to <see cref="RegisteringEndpoint"/>;
/// SoapCore only serves the WSDL.
/// </summary>
public sealed class SoapRequestGuard(RequestDelegate next)
{
    public const int MaxBodyBytes = 1024 * 1024;

    private const string Soap11Namespace = "http://schemas.xmlsoap.org/soap/envelope/";
    private const string Soap12Namespace = "http://www.w3.org/2003/05/soap-envelope";
    private const string WsseNamespace = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private const string WsuNamespace = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

    private static readonly XmlReaderSettings s_readerSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        MaxCharactersInDocument = MaxBodyBytes,
    };

    public async Task InvokeAsync(HttpContext context, RegisteringEndpoint endpoint, ILogger<SoapRequestGuard> logger)
    {
        var request = context.Request;
        if (!IsEndpoint(request.Path))
        {
            // The service has one address; SoapCore's HTTP-GET operation binding on sub-paths is not offered.
            await SoapFaults.WriteAsync(context, ErrorCodes.MalformedRequest,
                $"Adresse inconnue : le service est sur {RegisteringServiceExtensions.Path}.", StatusCodes.Status404NotFound);
            return;
        }

        if (HttpMethods.IsGet(request.Method) && request.Query.ContainsKey("wsdl"))
        {
            await WsdlDeclarations.ServeAsync(context, next);
            return;
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            await SoapFaults.WriteAsync(context, ErrorCodes.MalformedRequest, "Seule la méthode POST est acceptée (la WSDL est servie sur ?wsdl).",
                StatusCodes.Status405MethodNotAllowed);
            return;
        }

        if (request.ContentType is not { } contentType || !contentType.StartsWith("text/xml", StringComparison.OrdinalIgnoreCase))
        {
            await SoapFaults.WriteAsync(context, ErrorCodes.UnsupportedMediaType, "Type de contenu attendu : text/xml (SOAP 1.1).",
                StatusCodes.Status415UnsupportedMediaType);
            return;
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            await SoapFaults.WriteAsync(context, ErrorCodes.RequestTooLarge, "La requête dépasse 1 Mio.", StatusCodes.Status413PayloadTooLarge);
            return;
        }

        byte[]? body;
        try
        {
            body = await ReadLimitedAsync(request.Body, context.RequestAborted);
        }
        catch (BadHttpRequestException exception)
        {
            // The body's framing was broken (a bad chunk), or the client stopped before the end of the body it announced
            // (it gave up, its connection broke: then no one reads the fault). The client's doing, not the server's: at
            // Debug, as an abandoned request is (AbandonedRequest), not as an error with a stack trace. Nothing was done.
            logger.LogDebug("A SOAP request's body could not be read to its end ({Reason}); nothing was done.", exception.Message);
            await SoapFaults.WriteAsync(context, ErrorCodes.MalformedRequest,
                "Corps de requête incomplet ou mal découpé : il n'a pas pu être lu jusqu'au bout.", StatusCodes.Status400BadRequest);
            return;
        }

        if (body is null)
        {
            await SoapFaults.WriteAsync(context, ErrorCodes.RequestTooLarge, "La requête dépasse 1 Mio.", StatusCodes.Status413PayloadTooLarge);
            return;
        }

        SoapEnvelopeInfo info;
        try
        {
            info = Read(body);
        }
        catch (SoapGuardException exception)
        {
            await SoapFaults.WriteAsync(context, exception.Code, exception.Message, StatusCodes.Status500InternalServerError, exception.FaultCode,
                exception.Errors);
            return;
        }
        catch (XmlException exception)
        {
            var message = exception.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                ? "Les DTD et entités externes sont refusées."
                : $"XML mal formé (ligne {exception.LineNumber}, position {exception.LinePosition}).";
            await SoapFaults.WriteAsync(context, ErrorCodes.MalformedRequest, message, StatusCodes.Status500InternalServerError);
            return;
        }

        await endpoint.AnswerAsync(context, info);
    }

    private static bool IsEndpoint(PathString path) =>
        path.Equals(RegisteringServiceExtensions.Path, StringComparison.OrdinalIgnoreCase)
        || path.Equals(RegisteringServiceExtensions.Path + "/", StringComparison.OrdinalIgnoreCase);

    private static async Task<byte[]?> ReadLimitedAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static SoapEnvelopeInfo Read(byte[] body)
    {
        using var reader = XmlReader.Create(new MemoryStream(body), s_readerSettings);
        reader.MoveToContent();
        if (reader.LocalName != "Envelope")
        {
            throw new SoapGuardException(ErrorCodes.MalformedRequest, "L'élément racine doit être une enveloppe SOAP.");
        }

        if (reader.NamespaceURI == Soap12Namespace)
        {
            throw new SoapGuardException(ErrorCodes.MalformedRequest, "Ce service parle SOAP 1.1 (text/xml).", "VersionMismatch");
        }

        if (reader.NamespaceURI != Soap11Namespace)
        {
            throw new SoapGuardException(ErrorCodes.MalformedRequest, "Espace de noms d'enveloppe SOAP 1.1 attendu.", "VersionMismatch");
        }

        UsernameToken? token = null;
        string? login = null, password = null;
        RegisteringOperation? operation = null;
        object?[]? arguments = null;
        reader.Read();
        while (!reader.EOF && operation is null)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            if (reader.LocalName == "Header" && reader.NamespaceURI == Soap11Namespace)
            {
                using (var headers = reader.ReadSubtree())
                {
                    ReadHeaders(headers, ref token, ref login, ref password);
                }

                reader.Read();
            }
            else if (reader.LocalName == "Body" && reader.NamespaceURI == Soap11Namespace)
            {
                reader.Read();
                while (reader.NodeType != XmlNodeType.Element && reader.NodeType != XmlNodeType.EndElement && !reader.EOF)
                {
                    reader.Read();
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    throw new SoapGuardException(ErrorCodes.MalformedRequest, "Le corps SOAP est vide.");
                }

                if (reader.NamespaceURI != RegisteringNamespace.Value || !RegisteringOperation.All.TryGetValue(reader.LocalName, out operation))
                {
                    throw new SoapGuardException(ErrorCodes.MalformedRequest, $"Opération inconnue : {{{reader.NamespaceURI}}}{reader.LocalName}.");
                }

                arguments = BindArguments(operation, reader, body);
            }
            else
            {
                reader.Skip();
            }
        }

        if (operation is null)
        {
            throw new SoapGuardException(ErrorCodes.MalformedRequest, "Enveloppe SOAP sans corps.");
        }

        // Read to the end so that a malformed tail is refused before anything is done.
        while (reader.Read())
        {
        }

        return new SoapEnvelopeInfo(operation, arguments!, token, login, password);
    }

    /// <summary>
    /// Binds the operation's parameters from its wrapper element. A body that does not fit the contract is
    /// MALFORMED_REQUEST, unless the XML itself is malformed further on: that is said first, with its line, as for any
    /// other request.
    /// </summary>
    private static object?[] BindArguments(RegisteringOperation operation, XmlReader reader, byte[] body)
    {
        try
        {
            if (operation.Name != "changeAccountStatus")
            {
                return operation.Bind(reader);
            }

            var element = ElementOf(reader);
            CheckAction(element);
            using var elementReader = element.CreateReader();
            elementReader.MoveToContent();
            return operation.Bind(elementReader);
        }
        catch (Exception exception) when (RegisteringOperation.IsBindingError(exception))
        {
            using (var whole = XmlReader.Create(new MemoryStream(body), s_readerSettings))
            {
                while (whole.Read())
                {
                }
            }

            throw new SoapGuardException(ErrorCodes.MalformedRequest,
                "La requête ne respecte pas la WSDL (élément, type ou valeur d'énumération inattendus).");
        }
    }

    private static void ReadHeaders(XmlReader headers, ref UsernameToken? token, ref string? login, ref string? password)
    {
        headers.Read();
        headers.Read();
        while (!headers.EOF)
        {
            if (headers.NodeType != XmlNodeType.Element)
            {
                headers.Read();
                continue;
            }

            if (headers.LocalName == "Security" && headers.NamespaceURI == WsseNamespace)
            {
                token = ReadSecurity(ElementOf(headers));
            }
            else if (headers.LocalName == "context")
            {
                // Existing clients of this family put context in the service namespace; the local name is what we match.
                var context = ElementOf(headers);
                var user = Child(context, "user");
                login = Child(user, "login")?.Value;
                password = Child(user, "password")?.Value;
            }
            else
            {
                var mustUnderstand = headers.GetAttribute("mustUnderstand", Soap11Namespace);
                if (mustUnderstand is "1" or "true")
                {
                    throw new SoapGuardException(ErrorCodes.MalformedRequest,
                        $"En-tête non compris : {{{headers.NamespaceURI}}}{headers.LocalName}.", "MustUnderstand");
                }

                // serviceVersion and any other header without mustUnderstand are accepted and ignored.
                headers.Skip();
            }
        }
    }

    private static UsernameToken? ReadSecurity(XElement security)
    {
        var usernameToken = Child(security, "UsernameToken", WsseNamespace);
        if (usernameToken is null)
        {
            return null;
        }

        var passwordElement = Child(usernameToken, "Password", WsseNamespace);
        return new UsernameToken(
            Child(usernameToken, "Username", WsseNamespace)?.Value ?? string.Empty,
            passwordElement?.Value ?? string.Empty,
            passwordElement is null ? null : (string?)passwordElement.Attribute("Type") ?? string.Empty,
            Child(usernameToken, "Nonce", WsseNamespace)?.Value,
            Child(usernameToken, "Created", WsuNamespace)?.Value);
    }

    /// <summary>
    /// An unknown action would fail deep in the XML binding as a malformed request; it is a field error of the request,
    /// like a missing one (which binds to null and is refused by the use case). An empty one, <c>xsi:nil</c> or not, is
    /// refused here as required.
    /// </summary>
    private static void CheckAction(XElement operation)
    {
        var action = Child(operation, "action", RegisteringNamespace.Value);
        if (action is null || Enum.GetNames<AccountAction>().Contains(action.Value.Trim(), StringComparer.Ordinal))
        {
            return;
        }

        var error = action.Value.Trim().Length == 0
            ? new Error(ErrorCodes.Required, "L'action est obligatoire.", "action")
            : new Error(ErrorCodes.InvalidValue, $"Action inconnue. Valeurs possibles : {string.Join(", ", Enum.GetNames<AccountAction>())}.",
                "action");
        throw new SoapGuardException(ErrorCodes.ValidationFailed, $"La requête comporte 1 erreur(s) : action : {error.Message}", errors: [error]);
    }

    /// <summary>
    /// The element the reader is on, read whole as LINQ to XML (lighter than an <c>XmlDocument</c>: a third less allocated
    /// per envelope, bench/README.md). <c>Value</c> is its text, CDATA included and comments left out.
    /// </summary>
    private static XElement ElementOf(XmlReader reader) => (XElement)XNode.ReadFrom(reader);

    private static XElement? Child(XElement? parent, string localName, string? namespaceUri = null) =>
        parent?.Elements()
            .FirstOrDefault(e => e.Name.LocalName == localName && (namespaceUri is null || e.Name.NamespaceName == namespaceUri));
}

internal sealed class SoapGuardException(string code, string message, string? faultCode = null, IReadOnlyList<Error>? errors = null)
    : Exception(message)
{
    public string Code { get; } = code;

    public string? FaultCode { get; } = faultCode;

    public IReadOnlyList<Error> Errors { get; } = errors ?? [];
}
