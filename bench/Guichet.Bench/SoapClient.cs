using System.Globalization;
using System.Net;
using System.Security;
using System.Security.Cryptography;
using System.Text;

namespace Guichet.Bench;

/// <summary>An HTTP answer: its status and body (a SOAP envelope, or a fault).</summary>
public readonly record struct SoapResponse(HttpStatusCode Status, string Body);

/// <summary>
/// Hand-written SOAP 1.1 requests, as an integrator would send them: a WS-Security UsernameToken with a fresh
/// nonce and Created per request and <c>PasswordDigest = Base64(SHA-1(nonce + created + secret))</c>, plus the
/// <c>context/user</c> header for the operations that act as an account.
/// </summary>
public sealed class SoapClient(HttpClient http, Uri endpoint, string wsseUser, string wsseSecret)
{
    public const string Ns = "http://guichet.fr/ws/registering/v1";

    private const string Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private const string Wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private const string Wsu = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    private const string PasswordDigest = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";
    private const string Base64Binary = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary";

    /// <summary>A unique account name: letters and digits, 13 characters (the limit is 15 with the white label's prefix).</summary>
    public static string UniqueAccountName() => "b" + Guid.NewGuid().ToString("N")[..12];

    public Task<SoapResponse> RegisterPrimaryAccountAsync(string accountName, CancellationToken cancellationToken) =>
        SendAsync("registerPrimaryAccount", Security(), RegisterPrimaryBody(accountName), cancellationToken);

    public Task<SoapResponse> GetAccountStateAsync(string accountName, string login, string password, CancellationToken cancellationToken) =>
        SendAsync("getAccountState", Security() + Context(login, password),
            $"""<getAccountState xmlns="{Ns}"><accountName>{SecurityElement.Escape(accountName)}</accountName></getAccountState>""",
            cancellationToken);

    /// <summary>Base64(SHA-1(nonce + created + secret)), the UsernameToken profile's digest.</summary>
    public static string Digest(byte[] nonce, string created, string secret)
    {
        var createdBytes = Encoding.UTF8.GetBytes(created);
        var secretBytes = Encoding.UTF8.GetBytes(secret);
        var input = new byte[nonce.Length + createdBytes.Length + secretBytes.Length];
        nonce.CopyTo(input, 0);
        createdBytes.CopyTo(input, nonce.Length);
        secretBytes.CopyTo(input, nonce.Length + createdBytes.Length);
#pragma warning disable CA5350 // SHA-1 is what the UsernameToken profile specifies.
        return Convert.ToBase64String(SHA1.HashData(input));
#pragma warning restore CA5350
    }

    private async Task<SoapResponse> SendAsync(string operation, string headers, string body, CancellationToken cancellationToken)
    {
        var xml = $"""<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="{Soap11}">"""
            + $"""<s:Header>{headers}</s:Header><s:Body>{body}</s:Body></s:Envelope>""";
        using var content = new StringContent(xml, Encoding.UTF8, "text/xml");
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
        request.Headers.Add("SOAPAction", $"\"{Ns}/Registering/{operation}\"");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return new SoapResponse(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>A wsse:Security header with a fresh 16-byte nonce and the current time.</summary>
    private string Security()
    {
        var nonce = RandomNumberGenerator.GetBytes(16);
        var created = DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var digest = Digest(nonce, created, wsseSecret);
        return $"""<wsse:Security s:mustUnderstand="1" xmlns:wsse="{Wsse}" xmlns:wsu="{Wsu}"><wsse:UsernameToken>"""
            + $"""<wsse:Username>{SecurityElement.Escape(wsseUser)}</wsse:Username>"""
            + $"""<wsse:Password Type="{PasswordDigest}">{digest}</wsse:Password>"""
            + $"""<wsse:Nonce EncodingType="{Base64Binary}">{Convert.ToBase64String(nonce)}</wsse:Nonce>"""
            + $"""<wsu:Created>{created}</wsu:Created></wsse:UsernameToken></wsse:Security>""";
    }

    private static string Context(string login, string password) =>
        $"""<context xmlns="{Ns}"><user><login>{SecurityElement.Escape(login)}</login>"""
        + $"""<password>{SecurityElement.Escape(password)}</password></user></context>""";

    /// <summary>A valid company registration file (the tests' sample), in the order and namespace the WSDL declares.</summary>
    private static string RegisterPrimaryBody(string accountName) =>
        $"""<registerPrimaryAccount xmlns="{Ns}"><account><AccountName>{SecurityElement.Escape(accountName)}</AccountName>"""
        + "<Siret>73282932000074</Siret><CompanyName>Boulangerie Martin</CompanyName>"
        + "<Address><Street>1 rue de la Paix</Street><City>Paris</City><PostalCode>75002</PostalCode><Country>FR</Country></Address>"
        + "<Manager><Civility>MS</Civility><LastName>Martin</LastName><FirstName>Claire</FirstName>"
        + "<Email>claire.martin@example.fr</Email><Phone>0140000000</Phone></Manager>"
        + "<Teleprocedures><Teleprocedure>TVA</Teleprocedure><Teleprocedure>TDFC</Teleprocedure></Teleprocedures>"
        + "<GdprContact><LastName>Durand</LastName><FirstName>Paul</FirstName><Function>DPO</Function>"
        + "<Phone>0140000001</Phone><Email>dpo@example.fr</Email></GdprContact>"
        + "<SecondaryAccountCount>5</SecondaryAccountCount><Category>COMPANY</Category>"
        + "<Billing><StartDate>2025-01-01</StartDate><VatNumber>FR40303265045</VatNumber></Billing>"
        + "</account></registerPrimaryAccount>";
}
