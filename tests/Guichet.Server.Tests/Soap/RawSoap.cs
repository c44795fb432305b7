using System.Net;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Serialization;
using Guichet.Server.Soap.Contract;
using Guichet.Server.Tests.Infrastructure;

namespace Guichet.Server.Tests.Soap;

/// <summary>Hand-written SOAP 1.1 requests over a plain HttpClient, for what a WCF client would never send.</summary>
internal static class RawSoap
{
    public const string Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public const string Soap12 = "http://www.w3.org/2003/05/soap-envelope";
    public const string Wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public const string Wsu = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    public const string PasswordDigest = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";
    public const string PasswordText = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";
    public const string Ns = RegisteringNamespace.Value;

    public static string Action(string operation) => $"{Ns}/Registering/{operation}";

    /// <summary>A wsse:Security header; the digest is Base64(SHA-1(nonce + created + secret)), the text type sends the secret.</summary>
    public static string Security(string username, string secret, string passwordType = PasswordDigest)
    {
        var nonce = RandomNumberGenerator.GetBytes(16);
        var created = RegisteringClient.Created(DateTimeOffset.UtcNow);
        var password = passwordType == PasswordDigest ? RegisteringClient.Digest(nonce, created, secret) : secret;
        return $"""<wsse:Security s:mustUnderstand="1" xmlns:wsse="{Wsse}" xmlns:wsu="{Wsu}"><wsse:UsernameToken>"""
            + $"""<wsse:Username>{SecurityElement.Escape(username)}</wsse:Username>"""
            + $"""<wsse:Password Type="{passwordType}">{SecurityElement.Escape(password)}</wsse:Password>"""
            + """<wsse:Nonce EncodingType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary">"""
            + $"""{Convert.ToBase64String(nonce)}</wsse:Nonce><wsu:Created>{created}</wsu:Created></wsse:UsernameToken></wsse:Security>""";
    }

    /// <summary>A digest token over the given nonce octets, whose Nonce element is spelled <paramref name="nonceText"/>.</summary>
    public static string Security(Tenant tenant, byte[] nonce, string nonceText, DateTimeOffset created)
    {
        var at = RegisteringClient.Created(created);
        var digest = RegisteringClient.Digest(nonce, at, tenant.Credentials.WsseSecret);
        return $"""<wsse:Security s:mustUnderstand="1" xmlns:wsse="{Wsse}" xmlns:wsu="{Wsu}"><wsse:UsernameToken>"""
            + $"""<wsse:Username>{SecurityElement.Escape(tenant.Credentials.WsseUsername)}</wsse:Username>"""
            + $"""<wsse:Password Type="{PasswordDigest}">{digest}</wsse:Password>"""
            + """<wsse:Nonce EncodingType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary">"""
            + $"""{SecurityElement.Escape(nonceText)}</wsse:Nonce><wsu:Created>{at}</wsu:Created></wsse:UsernameToken></wsse:Security>""";
    }

    public static string Security(Tenant tenant, string passwordType = PasswordDigest) =>
        Security(tenant.Credentials.WsseUsername, tenant.Credentials.WsseSecret, passwordType);

    public static string Context(string login, string password) =>
        $"""<context xmlns="{Ns}"><user><login>{SecurityElement.Escape(login)}</login>"""
        + $"""<password>{SecurityElement.Escape(password)}</password></user></context>""";

    public static string Envelope(string headers, string body) =>
        $"""<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="{Soap11}">"""
        + $"""<s:Header>{headers}</s:Header><s:Body>{body}</s:Body></s:Envelope>""";

    public static string GetAccountState(string login) =>
        $"""<getAccountState xmlns="{Ns}"><accountName>{SecurityElement.Escape(login)}</accountName></getAccountState>""";

    /// <summary>&lt;registerPrimaryAccount&gt;&lt;account&gt;…, serialized as the WSDL says (everything in the service namespace).</summary>
    public static string RegisterPrimary(PrimaryAccountData file)
    {
        var serializer = new XmlSerializer(typeof(PrimaryAccountData), null, [], new XmlRootAttribute("account") { Namespace = Ns }, Ns);
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            var namespaces = new XmlSerializerNamespaces();
            namespaces.Add(string.Empty, Ns);
            serializer.Serialize(writer, file, namespaces);
        }

        return $"""<registerPrimaryAccount xmlns="{Ns}">{builder}</registerPrimaryAccount>""";
    }

    public static Task<RawResponse> PostAsync(Uri endpoint, string xml, string operation = "getAccountState") =>
        SendAsync(endpoint, new StringContent(xml, Encoding.UTF8, "text/xml"), operation);

    /// <param name="chunked">Sends the body with chunked transfer encoding, without Content-Length.</param>
    /// <param name="headers">Extra HTTP headers.</param>
    public static async Task<RawResponse> SendAsync(Uri endpoint, HttpContent content, string operation = "getAccountState", bool chunked = false,
        IEnumerable<(string Name, string Value)>? headers = null)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
        request.Headers.TransferEncodingChunked = chunked;
        request.Headers.Add("SOAPAction", $"\"{Action(operation)}\"");
        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.Add(name, value);
        }

        using var response = await client.SendAsync(request);
        return new RawResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    public static async Task<RawResponse> GetAsync(Uri address)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var response = await client.GetAsync(address);
        return new RawResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }
}

/// <summary>An HTTP answer, with the parts of a SOAP 1.1 fault resolved.</summary>
internal sealed record RawResponse(HttpStatusCode Status, string? MediaType, string Body)
{
    public XDocument Xml => XDocument.Parse(Body);

    private XElement? Fault => Xml.Root?.Element(XName.Get("Body", RawSoap.Soap11))?.Element(XName.Get("Fault", RawSoap.Soap11));

    /// <summary>The faultcode as a qualified name, its prefix resolved against the document.</summary>
    public XName? FaultCode
    {
        get
        {
            var element = Fault?.Element("faultcode");
            if (element is null)
            {
                return null;
            }

            var value = element.Value.Trim();
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            return colon < 0
                ? XName.Get(value)
                : XName.Get(value[(colon + 1)..], element.GetNamespaceOfPrefix(value[..colon])?.NamespaceName ?? string.Empty);
        }
    }

    /// <summary>The fault's French text.</summary>
    public string? FaultString => Fault?.Element("faultstring")?.Value;

    /// <summary>detail/RegisteringFault/Code.</summary>
    public string? Code =>
        Fault?.Element("detail")?.Element(XName.Get("RegisteringFault", RawSoap.Ns))?.Element(XName.Get("Code", RawSoap.Ns))?.Value;

    /// <summary>A SOAP fault, in XML, that leaks no stack trace nor exception name.</summary>
    public void AssertCleanFault()
    {
        Assert.Equal("text/xml", MediaType);
        Assert.DoesNotContain("<html", Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", Body, StringComparison.Ordinal);
        Assert.NotNull(Fault);
    }

    /// <summary>A fault whose faultcode is <c>Client.CODE</c> and whose detail carries CODE.</summary>
    public void AssertClientFault(string code)
    {
        AssertCleanFault();
        Assert.Equal(XName.Get("Client." + code, RawSoap.Soap11), FaultCode);
        Assert.Equal(code, Code);
    }
}
