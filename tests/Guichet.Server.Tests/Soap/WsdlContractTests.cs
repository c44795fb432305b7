using System.Net;
using System.Security;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Guichet.Domain.Common;
using Guichet.Server.Soap;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.Soap;

/// <summary>
/// The WSDL is the contract integrators generate clients from: it must be valid XML Schema (strict stacks such as PHP's
/// SoapClient refuse anything else) and it changes only on purpose, as a visible diff of the committed golden copy.
/// </summary>
public sealed class WsdlContractTests(SqliteServerFixture server) : IClassFixture<SqliteServerFixture>
{
    /// <summary>The golden copy, with the endpoint's address replaced by <see cref="PlaceholderLocation"/>.</summary>
    public static readonly string GoldenPath = Repository.PathOf("src", "Guichet.Server.Soap.Contract", "Registering.wsdl");

    private const string PlaceholderLocation = "https://guichet.example.fr/ws/registering";
    private static readonly XNamespace s_wsdl = "http://schemas.xmlsoap.org/wsdl/";
    private static readonly XNamespace s_soap = "http://schemas.xmlsoap.org/wsdl/soap/";
    private static readonly XNamespace s_xsd = "http://www.w3.org/2001/XMLSchema";

    [Fact]
    public async Task ServedWsdl_MatchesTheGoldenCopy()
    {
        var served = Normalize(await ServedWsdlAsync());

        var golden = File.Exists(GoldenPath) ? File.ReadAllText(GoldenPath).ReplaceLineEndings("\n") : string.Empty;
        if (served != golden)
        {
            var actual = Repository.PathOf("artifacts", "Registering.actual.wsdl");
            Directory.CreateDirectory(Path.GetDirectoryName(actual)!);
            File.WriteAllText(actual, served);
            Assert.Fail($"The served WSDL differs from {GoldenPath}. If the change is deliberate, review it and accept it: cp {actual} {GoldenPath}");
        }
    }

    [Fact]
    public async Task ServedSchema_CompilesWithoutErrorOrWarning()
    {
        var problems = new List<string>();

        var schemas = CompileSchemas(await ServedWsdlAsync(), problems);

        Assert.Empty(problems);
        Assert.True(schemas.IsCompiled);
        Assert.Single(schemas.GlobalElements.Names.Cast<XmlQualifiedName>(), n => n.Name == "RegisteringFault");
    }

    [Fact]
    public async Task FaultsAndRegistration_ValidateAgainstTheServedSchema()
    {
        var problems = new List<string>();
        var schemas = CompileSchemas(await ServedWsdlAsync(), problems);
        var tenant = await server.SharedTenantAsync();
        var broken = SampleFiles.Primary();
        broken.Siret = "12345678901234";

        var fault = await RawSoap.PostAsync(server.RegisteringEndpoint,
            RawSoap.Envelope(RawSoap.Security(tenant), RawSoap.RegisterPrimary(broken)), "registerPrimaryAccount");
        var registered = await RawSoap.PostAsync(server.RegisteringEndpoint,
            RawSoap.Envelope(RawSoap.Security(tenant), RawSoap.RegisterPrimary(SampleFiles.Primary())), "registerPrimaryAccount");
        // A fault the guard writes by hand, before SoapCore: the same shape, field errors included.
        var guardFault = await RawSoap.PostAsync(server.RegisteringEndpoint,
            RawSoap.Envelope(string.Empty,
                $"""<changeAccountStatus xmlns="{RawSoap.Ns}"><accountName>x</accountName><action>NOPE</action></changeAccountStatus>"""),
            "changeAccountStatus");

        fault.AssertClientFault(ErrorCodes.ValidationFailed);
        Assert.Equal(HttpStatusCode.OK, registered.Status);
        var detail = fault.Xml.Descendants(XName.Get("RegisteringFault", RawSoap.Ns)).Single();
        var response = registered.Xml.Descendants(XName.Get("registerPrimaryAccountResponse", RawSoap.Ns)).Single();
        new XDocument(detail).Validate(schemas, (_, e) => problems.Add("fault: " + e.Message));
        new XDocument(response).Validate(schemas, (_, e) => problems.Add("response: " + e.Message));
        guardFault.AssertClientFault(ErrorCodes.ValidationFailed);
        var guardDetail = guardFault.Xml.Descendants(XName.Get("RegisteringFault", RawSoap.Ns)).Single();
        Assert.NotEmpty(guardDetail.Descendants(XName.Get("FieldFault", RawSoap.Ns)));
        new XDocument(guardDetail).Validate(schemas, (_, e) => problems.Add("guard fault: " + e.Message));
        Assert.Empty(problems);
    }

    [Fact]
    public void Deduplicate_DifferentDeclarationsOfOneName_FailLoudly()
    {
        var wsdl = $"""
            <definitions xmlns="http://schemas.xmlsoap.org/wsdl/"><types><xsd:schema xmlns:xsd="{s_xsd}">
            <xsd:element name="A" type="xsd:string"/><xsd:element name="A" type="xsd:int"/></xsd:schema></types></definitions>
            """;

        Assert.Throws<InvalidOperationException>(() => WsdlDeclarations.Deduplicate(wsdl));
    }

    [Theory]
    [InlineData("<action>NOPE</action>", ErrorCodes.InvalidValue)]
    [InlineData("<action></action>", ErrorCodes.Required)]
    [InlineData("", ErrorCodes.Required)]
    [InlineData("""<action xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>""", ErrorCodes.Required)]
    [InlineData("""<action xsi:nil="1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"></action>""", ErrorCodes.Required)]
    public async Task ChangeAccountStatus_MissingOrUnknownAction_IsAFieldErrorAndChangesNothing(string actionElement, string expected)
    {
        var tenant = await server.SharedTenantAsync();
        var account = await tenant.RegisterPrimaryAsync();
        var body = $"""<changeAccountStatus xmlns="{RawSoap.Ns}"><accountName>{SecurityElement.Escape(account.Login)}</accountName>"""
            + $"""{actionElement}</changeAccountStatus>""";

        var response = await RawSoap.PostAsync(server.RegisteringEndpoint,
            RawSoap.Envelope(RawSoap.Security(tenant) + RawSoap.Context(tenant.AdminLogin, tenant.AdminPassword), body), "changeAccountStatus");

        response.AssertClientFault(ErrorCodes.ValidationFailed);
        var error = response.Xml.Descendants(XName.Get("FieldFault", RawSoap.Ns)).Single();
        Assert.Equal("action", error.Element(XName.Get("Field", RawSoap.Ns))?.Value);
        Assert.Equal(expected, error.Element(XName.Get("Code", RawSoap.Ns))?.Value);
        var state = await server.InDbAsync(db => db.Accounts.Where(a => a.Login == account.Login).Select(a => a.State).SingleAsync());
        Assert.Equal(Guichet.Domain.Accounts.AccountState.WAIT_FOR_FILES, state);
    }

    [Theory]
    [InlineData("POST", "ws/registering/getAccountState")]
    [InlineData("GET", "ws/registering/getAccountState?accountName=x")]
    [InlineData("GET", "ws/registering/getAccountState?wsdl")]
    public async Task SubPathOfTheEndpoint_FaultsNotFound(string method, string path)
    {
        var address = new Uri(server.BaseAddress, path);

        var response = method == "GET"
            ? await RawSoap.GetAsync(address)
            : await RawSoap.PostAsync(address, RawSoap.Envelope(string.Empty, RawSoap.GetAccountState("x")));

        response.AssertClientFault(ErrorCodes.MalformedRequest);
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
    }

    private async Task<string> ServedWsdlAsync()
    {
        var response = await RawSoap.GetAsync(new Uri(server.RegisteringEndpoint + "?wsdl"));
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return response.Body;
    }

    /// <summary>The served WSDL, indented, with the server's own address replaced so that the copy is the same everywhere.</summary>
    private static string Normalize(string wsdl)
    {
        var document = XDocument.Parse(wsdl);
        foreach (var address in document.Descendants(s_soap + "address"))
        {
            address.SetAttributeValue("location", PlaceholderLocation);
        }

        return document.ToString().ReplaceLineEndings("\n") + "\n";
    }

    private static XmlSchemaSet CompileSchemas(string wsdl, List<string> problems)
    {
        var document = XDocument.Parse(wsdl);
        var schemas = new XmlSchemaSet { XmlResolver = null };
        schemas.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity}: {e.Message}");
        foreach (var schema in document.Descendants(s_xsd + "schema"))
        {
            // The schema uses prefixes (tns, xsd) declared on wsdl:definitions.
            var standalone = new XElement(schema);
            foreach (var declaration in document.Root!.Attributes().Where(a => a.IsNamespaceDeclaration && standalone.Attribute(a.Name) is null))
            {
                standalone.Add(declaration);
            }

            using var reader = standalone.CreateReader();
            schemas.Add(XmlSchema.Read(reader, (_, e) => problems.Add($"{e.Severity}: {e.Message}"))!);
        }

        schemas.Compile();
        Assert.NotEmpty(document.Descendants(s_wsdl + "portType"));
        return schemas;
    }
}
