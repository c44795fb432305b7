using System.Net;
using System.Text;
using System.Xml.Linq;
using Guichet.Domain.Common;
using Guichet.Server.Soap.Contract;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.Soap;

/// <summary>
/// Requests a WCF client would never send, over a plain HttpClient (SQLite only): each one answers a clean SOAP 1.1
/// fault and writes nothing to the store.
/// </summary>
public sealed class MalformedRequestTests(SqliteServerFixture server) : IClassFixture<SqliteServerFixture>
{
    private const string Wsdl = "http://schemas.xmlsoap.org/wsdl/";

    [Fact]
    public async Task DoctypeWithInternalEntity_FaultsMalformedRequest()
    {
        var xml = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <!DOCTYPE s:Envelope [<!ENTITY x "boom"><!ENTITY y "&x;&x;&x;&x;&x;&x;&x;&x;">]>
            <s:Envelope xmlns:s="{RawSoap.Soap11}"><s:Body>
            """
            + $"""<getAccountState xmlns="{RawSoap.Ns}"><accountName>&y;</accountName></getAccountState></s:Body></s:Envelope>""";

        var response = await PostWritingNothingAsync(xml);

        response.AssertClientFault(ErrorCodes.MalformedRequest);
        Assert.DoesNotContain("boom", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExternalEntity_FaultsMalformedRequestWithoutReadingTheFile()
    {
        var xml = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <!DOCTYPE s:Envelope [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <s:Envelope xmlns:s="{RawSoap.Soap11}"><s:Body>
            """
            + $"""<getAccountState xmlns="{RawSoap.Ns}"><accountName>&x;</accountName></getAccountState></s:Body></s:Envelope>""";

        var response = await PostWritingNothingAsync(xml);

        response.AssertClientFault(ErrorCodes.MalformedRequest);
        Assert.DoesNotContain("root:", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnclosedTag_FaultsMalformedRequest()
    {
        var tenant = await Tenant.CreateAsync(server);
        var xml = RawSoap.Envelope(
            RawSoap.Security(tenant) + RawSoap.Context(tenant.AdminLogin, tenant.AdminPassword),
            $"""<getAccountState xmlns="{RawSoap.Ns}"><accountName>x</getAccountState>""");

        var response = await PostWritingNothingAsync(xml);

        response.AssertClientFault(ErrorCodes.MalformedRequest);
    }

    [Fact]
    public async Task BodyOverOneMebibyte_FaultsRequestTooLarge()
    {
        var response = await SendWritingNothingAsync(() => new StringContent(OversizedEnvelope(), Encoding.UTF8, "text/xml"), chunked: false);

        response.AssertClientFault(ErrorCodes.RequestTooLarge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
    }

    [Fact]
    public async Task ChunkedBodyOverOneMebibyte_FaultsRequestTooLarge()
    {
        var response = await SendWritingNothingAsync(
            () =>
            {
                var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(OversizedEnvelope())));
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/xml") { CharSet = "utf-8" };
                return content;
            },
            chunked: true);

        response.AssertClientFault(ErrorCodes.RequestTooLarge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
    }

    [Fact]
    public async Task JsonContentType_FaultsUnsupportedMediaType()
    {
        var response = await SendWritingNothingAsync(() => new StringContent("""{"accountName":"x"}""", Encoding.UTF8, "application/json"),
            chunked: false);

        response.AssertClientFault(ErrorCodes.UnsupportedMediaType);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
    }

    [Fact]
    public async Task Soap12Envelope_FaultsVersionMismatch()
    {
        var tenant = await Tenant.CreateAsync(server);
        var xml = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <s:Envelope xmlns:s="{RawSoap.Soap12}"><s:Header>
            """
            + RawSoap.Security(tenant).Replace("s:mustUnderstand=\"1\"", "s:mustUnderstand=\"true\"", StringComparison.Ordinal)
            + RawSoap.Context(tenant.AdminLogin, tenant.AdminPassword)
            + $"""</s:Header><s:Body>{RawSoap.GetAccountState(tenant.AdminLogin)}</s:Body></s:Envelope>""";

        var response = await PostWritingNothingAsync(xml);

        response.AssertCleanFault();
        Assert.Equal(XName.Get("VersionMismatch", RawSoap.Soap11), response.FaultCode);
        Assert.Equal(ErrorCodes.MalformedRequest, response.Code);
    }

    [Fact]
    public async Task UnknownOperation_FaultsMalformedRequest()
    {
        var tenant = await Tenant.CreateAsync(server);
        var xml = RawSoap.Envelope(
            RawSoap.Security(tenant) + RawSoap.Context(tenant.AdminLogin, tenant.AdminPassword),
            $"""<deleteAllAccounts xmlns="{RawSoap.Ns}"><accountName>x</accountName></deleteAllAccounts>""");

        var response = await PostWritingNothingAsync(xml, "deleteAllAccounts");

        response.AssertClientFault(ErrorCodes.MalformedRequest);
    }

    [Fact]
    public async Task UnknownMustUnderstandHeader_FaultsMustUnderstand()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var xml = RawSoap.Envelope(
            RawSoap.Security(tenant) + RawSoap.Context(primary.Login, primary.Password)
                + """<r:Routing xmlns:r="urn:example:routing" s:mustUnderstand="1">elsewhere</r:Routing>""",
            RawSoap.GetAccountState(primary.Login));

        var response = await PostWritingNothingAsync(xml);

        response.AssertCleanFault();
        Assert.Equal(XName.Get("MustUnderstand", RawSoap.Soap11), response.FaultCode);
        Assert.Equal(ErrorCodes.MalformedRequest, response.Code);
    }

    [Fact]
    public async Task UnknownOptionalHeaderAndServiceVersion_AreIgnored()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var xml = RawSoap.Envelope(
            $"""<serviceVersion xmlns="{RawSoap.Ns}">1.0</serviceVersion>"""
                + """<t:Trace xmlns:t="urn:example:trace">abc-123</t:Trace>"""
                + """<t:Hint xmlns:t="urn:example:trace" s:mustUnderstand="0">none</t:Hint>"""
                + RawSoap.Security(tenant) + RawSoap.Context(primary.Login, primary.Password),
            RawSoap.GetAccountState(primary.Login));

        var response = await RawSoap.PostAsync(server.RegisteringEndpoint, xml);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var result = response.Xml.Descendants(XName.Get("getAccountStateResult", RawSoap.Ns)).Single();
        Assert.Equal(primary.Login, result.Element(XName.Get("Login", RawSoap.Ns))?.Value);
        Assert.Equal(nameof(AccountState.WAIT_FOR_FILES), result.Element(XName.Get("State", RawSoap.Ns))?.Value);
    }

    [Fact]
    public async Task GetWithoutWsdl_FaultsMalformedRequest()
    {
        var before = await CountAsync();

        var response = await RawSoap.GetAsync(server.RegisteringEndpoint);

        response.AssertClientFault(ErrorCodes.MalformedRequest);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task RawRegisterPrimary_ValidBody_Registers()
    {
        var tenant = await Tenant.CreateAsync(server);
        var file = SampleFiles.Primary();

        var response = await RawSoap.PostAsync(server.RegisteringEndpoint, RawSoap.Envelope(RawSoap.Security(tenant), RawSoap.RegisterPrimary(file)),
            "registerPrimaryAccount");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var login = file.AccountName!.ToLowerInvariant();
        Assert.True(await server.InDbAsync(db => db.Accounts.AnyAsync(a => a.Login == login)));
    }

    [Fact]
    public async Task UnknownEnumValue_FaultsMalformedRequestAndWritesNoAccount()
    {
        var tenant = await Tenant.CreateAsync(server);
        var file = SampleFiles.Primary();
        var body = RawSoap.RegisterPrimary(file);
        Assert.Contains("<Category>COMPANY</Category>", body, StringComparison.Ordinal);
        body = body.Replace("<Category>COMPANY</Category>", "<Category>NOPE</Category>", StringComparison.Ordinal);

        var response = await PostWritingNothingAsync(RawSoap.Envelope(RawSoap.Security(tenant), body), "registerPrimaryAccount");

        response.AssertClientFault(ErrorCodes.MalformedRequest);
        var login = file.AccountName!.ToLowerInvariant();
        Assert.False(await server.InDbAsync(db => db.Accounts.AnyAsync(a => a.Login == login)));
    }

    [Fact]
    public async Task NotABoolean_FaultsMalformedRequestAndWritesNoAccount()
    {
        var tenant = await Tenant.CreateAsync(server);
        var file = SampleFiles.Primary();
        file.Test = true;
        var body = RawSoap.RegisterPrimary(file);
        Assert.Contains("<Test>true</Test>", body, StringComparison.Ordinal);
        body = body.Replace("<Test>true</Test>", "<Test>peut-être</Test>", StringComparison.Ordinal);

        var response = await PostWritingNothingAsync(RawSoap.Envelope(RawSoap.Security(tenant), body), "registerPrimaryAccount");

        response.AssertClientFault(ErrorCodes.MalformedRequest);
        var login = file.AccountName!.ToLowerInvariant();
        Assert.False(await server.InDbAsync(db => db.Accounts.AnyAsync(a => a.Login == login)));
    }

    /// <summary>A body that does not bind says so, unless the XML is also malformed further on: that is said first.</summary>
    [Theory]
    [InlineData("", "La requête ne respecte pas la WSDL")]
    [InlineData("<unclosed>", "XML mal formé (ligne 1, position")]
    public async Task UnknownEnumValue_SaysWhatIsWrongFirst(string tail, string expected)
    {
        var tenant = await Tenant.CreateAsync(server);
        var body = RawSoap.RegisterPrimary(SampleFiles.Primary())
            .Replace("<Category>COMPANY</Category>", "<Category>NOPE</Category>", StringComparison.Ordinal)
            .Replace("</registerPrimaryAccount>", tail + "</registerPrimaryAccount>", StringComparison.Ordinal);

        var response = await PostWritingNothingAsync(RawSoap.Envelope(RawSoap.Security(tenant), body), "registerPrimaryAccount");

        response.AssertClientFault(ErrorCodes.MalformedRequest);
        Assert.StartsWith(expected, response.FaultString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnqualifiedParameter_IsBoundAsOldSoapStacksSendIt()
    {
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var xml = RawSoap.Envelope(RawSoap.Security(tenant) + RawSoap.Context(primary.Login, primary.Password),
            $"""<getAccountState xmlns="{RawSoap.Ns}"><accountName xmlns="">{primary.Login}</accountName></getAccountState>""");

        var response = await RawSoap.PostAsync(server.RegisteringEndpoint, xml);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var result = response.Xml.Descendants(XName.Get("getAccountStateResult", RawSoap.Ns)).Single();
        Assert.Equal(primary.Login, result.Element(XName.Get("Login", RawSoap.Ns))?.Value);
    }

    [Fact]
    public async Task GetWsdl_DeclaresTheSixOperations()
    {
        var response = await RawSoap.GetAsync(new Uri(server.RegisteringEndpoint + "?wsdl"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var operations = response.Xml.Descendants(XName.Get("portType", Wsdl))
            .Elements(XName.Get("operation", Wsdl))
            .Select(o => (string?)o.Attribute("name"))
            .Order(StringComparer.Ordinal)
            .ToList();
        string[] expected =
        [
            "changeAccountStatus", "getAccountState", "modifyPrimaryAccount",
            "modifySecondaryAccount", "registerPrimaryAccount", "registerSecondaryAccount",
        ];
        Assert.Equal(expected, operations);
    }

    private static string OversizedEnvelope() =>
        RawSoap.Envelope(string.Empty, RawSoap.GetAccountState(new string('a', 1024 * 1024 + 1024)));

    private Task<RawResponse> PostWritingNothingAsync(string xml, string operation = "getAccountState") =>
        SendWritingNothingAsync(() => new StringContent(xml, Encoding.UTF8, "text/xml"), chunked: false, operation);

    private async Task<RawResponse> SendWritingNothingAsync(Func<HttpContent> content, bool chunked, string operation = "getAccountState")
    {
        var before = await CountAsync();

        var response = await RawSoap.SendAsync(server.RegisteringEndpoint, content(), operation, chunked);

        Assert.Equal(before, await CountAsync());
        return response;
    }

    private async Task<(int Accounts, int Audit, int Nonces, int Throttles)> CountAsync() => (
        await server.InDbAsync(db => db.Accounts.CountAsync()),
        await server.InDbAsync(db => db.AuditEntries.CountAsync()),
        await server.InNoncesAsync(nonces => nonces.UsedNonces.CountAsync()),
        await server.InDbAsync(db => db.LoginThrottles.CountAsync()));
}
